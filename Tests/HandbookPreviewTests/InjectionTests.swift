// What the preview adds to pages (reload script, error overlay) and the Content-Types it sends.

import Foundation
import HandbookCore
import NIOCore
import Testing
@testable import HandbookPreview

struct InjectionTests {
    @Test func scriptGoesBeforeTheLastClosingBodyTag() {
        let page = ByteBuffer(string: "<html><body><p>&lt;/body&gt; in text</p></BODY>\n</html>\n")
        let result = String(buffer: LiveReloadScript.inject("<script>x</script>", into: page))
        #expect(result == "<html><body><p>&lt;/body&gt; in text</p><script>x</script></BODY>\n</html>\n")
    }

    @Test func scriptIsAppendedWhenThereIsNoBody() {
        let result = String(buffer: LiveReloadScript.inject("<s>", into: ByteBuffer(string: "<p>fragment")))
        #expect(result == "<p>fragment<s>")
    }

    @Test func scriptNamesItsPageSafely() {
        let tag = LiveReloadScript.tag(server: "abc", generation: 7, page: "tips/</script><b>\".html")
        #expect(tag.contains("generation: 7"))
        #expect(tag.contains("\"tips/\\u003c/script\\u003e\\u003cb\\u003e\\\".html\""))
        #expect(tag.components(separatedBy: "</script>").count == 2)
        #expect(tag.contains("/__handbook/events?server=abc&generation=7"))
    }

    @Test func overlayEscapesEverythingFromTheContent() {
        let diagnostics = [
            Diagnostic.error("unknown theme '<script>alert(1)</script>'",
                             at: SourceLocation(file: "content/tips/001-a&b.md", line: 5, column: 10),
                             hint: "declared themes are \"x\" & <y>"),
            Diagnostic.warning("link with a 'javascript:' URL was removed", at: SourceLocation(file: "content/tips/002.md", line: 3)),
        ]
        let html = ErrorOverlay.html(for: diagnostics)
        #expect(html.contains("The handbook has 1 error, 1 warning"))
        #expect(html.contains("<code>content/tips/001-a&amp;b.md:5:10</code>"))
        #expect(html.contains("unknown theme &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
        #expect(html.contains("hint: declared themes are &quot;x&quot; &amp; &lt;y&gt;"))
        #expect(html.contains("<code>content/tips/002.md:3</code>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func overlayQuotesTheLineWithAMarkerUnderTheColumn() {
        let at = SourceLocation(file: "content/tips/003.md", line: 4, column: 3)
        let html = ErrorOverlay.html(for: [.error("bad", at: at)],
                                     lines: [SourceLocation(file: at.file, line: 4): "\t<a & b>"])
        #expect(html.contains("<pre><span class=\"ln\">4 | </span>\t&lt;a &amp; b&gt;\n<span class=\"ln\">  | </span>\t <span class=\"mark\">^</span></pre>"))
    }

    @Test func aLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let quote = ErrorOverlay.quote(line, number: 9, column: 301)
        let lines = quote.components(separatedBy: "\n")
        let text = lines[0].components(separatedBy: "</span>")[1]
        #expect(text.hasPrefix("…") && text.hasSuffix("…"))
        let lead = lines[1].components(separatedBy: "</span>")[1].components(separatedBy: "<span")[0]
        #expect(Array(text)[lead.count] == "X")
    }

    @Test func problemsFoldByFileInTheirOrder() {
        let a = SourceLocation(file: "a.md", line: 1), b = SourceLocation(file: "b.md", line: 1)
        let groups = ErrorOverlay.byFile([.error("1", at: a), .error("2", at: b), .error("3", at: a), .error("4", at: nil)])
        #expect(groups.map { $0.map(\.message) } == [["1", "3"], ["2"], ["4"]])
        let html = ErrorOverlay.html(for: [.error("first", at: a), .error("second", at: a)])
        #expect(html.contains("first<details><summary>1 more in this file</summary><ol><li class=\"error\"><code>a.md:1</code> <strong>error:</strong> second</li></ol></details></li>"))
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/handbook.css", "text/css; charset=utf-8"),
        ("assets/app.js", "text/javascript; charset=utf-8"),
        ("assets/logo.svg", "image/svg+xml"),
        ("assets/logo.PNG", "image/png"),
        ("assets/photo.jpg", "image/jpeg"),
        ("assets/photo.jpeg", "image/jpeg"),
        ("assets/photo.webp", "image/webp"),
        ("assets/fonts/inter.woff2", "font/woff2"),
        ("sitemap.xml", "application/xml"),
        ("assets/data.json", "application/json"),
        ("booklet/handbook.pdf", "application/pdf"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("assets/unknown.bin", "application/octet-stream"),
        ("assets.dir/noextension", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(MediaTypes.contentType(forPath: path) == type)
    }

    @Test func siteChangeListsPathsUntilThereAreTooMany() {
        let few = SiteChange(generation: 3, paths: ["assets/handbook.css", "tips/a.html"])
        #expect(few.json == "{\"generation\":3,\"all\":false,\"paths\":[\"assets/handbook.css\",\"tips/a.html\"],\"overlay\":false}")
        let many = SiteChange(generation: 4, paths: (0...SiteChange.listLimit).map { "p\($0).html" })
        #expect(many.json == "{\"generation\":4,\"all\":true,\"paths\":[],\"overlay\":false}")
    }
}
