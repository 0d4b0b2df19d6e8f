// Request paths → files inside the site, and the many spellings of "outside" that are refused.

import Testing
@testable import HandbookPreview

struct SafePathResolverTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/tips/012-listen.html", "tips/012-listen.html"),
        ("/tips/", "tips/index.html"),
        ("/assets/handbook.css", "assets/handbook.css"),
        ("/tips/caf%C3%A9.html", "tips/café.html"),
        ("/a%20b.txt", "a b.txt"),
    ])
    func resolvesPlainPaths(raw: String, file: String) {
        #expect(SafePathResolver.resolve(raw) == .file(file))
    }

    @Test(arguments: [
        "/../etc/passwd",
        "/tips/../../etc/passwd",
        "/tips/..",
        "/./index.html",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/..%2F..%2Fetc/passwd",
        "/%252e%252e/etc/passwd",
        "/%25252e%25252e/etc/passwd",
        "/..\\..\\etc\\passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/assets\\..\\..\\secret",
        "//etc/passwd",
        "/tips//x.html",
        "/C:/Windows/win.ini",
        "/.handbook-site",
        "/assets/.hidden",
        "/index.html%00.txt",
        "/%0d%0aSet-Cookie:x",
        "/%c0%ae%c0%ae/etc/passwd",
        "/%e0%80%ae%e0%80%ae/etc/passwd",
        "/%zz",
        "/%2",
        "etc/passwd",
        "",
    ])
    func refusesTraversalAndOddities(raw: String) {
        guard case .refused = SafePathResolver.resolve(raw) else {
            Issue.record("'\(raw)' was not refused: \(SafePathResolver.resolve(raw))")
            return
        }
    }
}
