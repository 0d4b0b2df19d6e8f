// The real server on a free port, asked over real sockets: pages, assets, 404, traversal, the
// reload channel, the error overlay, and a clean stop.

import Foundation
import HandbookCore
import Testing
@testable import HandbookPreview

@Suite(.serialized)
struct PreviewServerTests {
    static let firstTip = "/tips/001-stop-confusing-intention-with-experience.html"

    @Test func servesPagesAssetsAndNotFound() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        defer { Task { try? await preview.stop() } }

        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.text.contains("<title>The Customer Experience Handbook</title>"))
        #expect(home.text.contains("<script data-handbook-preview>"))
        #expect(home.text.contains("page: \"index.html\""))
        #expect(home.header("Content-Length") == String(home.body.count))

        let tip = try await preview.get(Self.firstTip + "?utm=1")
        #expect(tip.status == 200)
        #expect(tip.text.contains("Stop confusing intention with experience"))
        #expect(tip.text.range(of: "<script data-handbook-preview>")!.lowerBound < tip.text.range(of: "</body>")!.lowerBound)

        let css = try await preview.get("/assets/handbook.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(css.body == Array(try Data(contentsOf: handbook.theme.appendingPathComponent("assets/handbook.css"))))

        let head = try await preview.get("/assets/handbook.css", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == String(css.body.count))

        for missing in ["/no-such-page.html", "/tips/999-nope.html", "/assets/nope.css", "/tips/"] {
            let response = try await preview.get(missing)
            #expect(response.status == 404, "\(missing)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("Page not found"), "\(missing) did not get the site's 404 page")
            #expect(response.text.contains("<script data-handbook-preview>"))
        }

        let post = try await preview.get("/", method: "POST")
        #expect(post.status == 405)
        try await preview.stop()
    }

    @Test func contentTypesOfEveryAssetKind() async throws {
        let handbook = try TemporaryHandbook()
        let assets = handbook.theme.appendingPathComponent("assets")
        let kinds = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "webp": "image/webp",
                     "woff2": "font/woff2", "xml": "application/xml", "json": "application/json",
                     "pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        try FileManager.default.createDirectory(at: assets.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for kind in kinds.keys {
            try Data([0x00, 0xFF, 0x42] + Array(kind.utf8)).write(to: assets.appendingPathComponent("sub/file.\(kind)"))
        }
        let preview = try await RunningPreview.start(handbook)
        for (kind, type) in kinds {
            let response = try await preview.get("/assets/sub/file.\(kind)")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == type, "\(kind)")
            #expect(response.body == [0x00, 0xFF, 0x42] + Array(kind.utf8))
        }
        let sitemapLess = try await preview.get("/sitemap.xml")
        #expect(sitemapLess.status == 404) // the real handbook has no base_url
        try await preview.stop()
    }

    @Test func neverServesAFileOutsideTheSite() async throws {
        let handbook = try TemporaryHandbook()
        let secret = handbook.root.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-OUTSIDE-THE-SITE".utf8).write(to: secret)
        let assets = handbook.theme.appendingPathComponent("assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("secret.txt").path,
                                                   withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("root").path,
                                                   withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("inside.css").path,
                                                   withDestinationPath: "handbook.css")
        let preview = try await RunningPreview.start(handbook)
        let attempts = [
            "/../secret.txt", "/../../../../../../etc/passwd", "/tips/../../secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd", "/..%2fsecret.txt", "/..%2F..%2F..%2Fetc%2Fpasswd",
            "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/%25252e%25252e/etc/passwd",
            "/..\\secret.txt", "/..%5csecret.txt", "/assets\\..\\..\\secret.txt",
            "//etc/passwd", "/%2fetc%2fpasswd", "/%c0%ae%c0%ae/secret.txt",
            "/assets/secret.txt", "/assets/passwd.txt", "/assets/root/etc/passwd",
            "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/.handbook-site",
            "/etc/passwd", "/index.html%00", "http://127.0.0.1/../secret.txt", "/C:/secret.txt",
        ]
        for attempt in attempts {
            let response = try await preview.get(attempt)
            #expect([400, 404].contains(response.status), "\(attempt) → \(response.status)")
            #expect(!response.text.contains("TOP-SECRET"), "\(attempt) leaked the secret")
            #expect(!response.text.contains("root:x:0:0"), "\(attempt) leaked /etc/passwd")
        }
        let inside = try await preview.get("/assets/inside.css")
        #expect(inside.status == 200) // a link that stays in the theme is fine
        try await preview.stop()
    }

    @Test func aTranslationIsServedAndAnEditToItReloadsItsPage() async throws {
        let handbook = try TemporaryHandbook()
        let dutch = handbook.content.appendingPathComponent("nl")
        try FileManager.default.createDirectory(at: dutch.appendingPathComponent("tips"), withIntermediateDirectories: true)
        try Data("title: Testhandboek\nlanguage: nl\n".utf8).write(to: dutch.appendingPathComponent("handbook.yml"))
        let tip = dutch.appendingPathComponent("tips/001-een.md")
        try Data("---\nnumber: 1\ntitle: Eén\n---\nEerste versie.\n".utf8).write(to: tip)
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        #expect(try await preview.get("/nl/tips/001-een.html").text.contains("Eerste versie."))
        try handbook.replace("Eerste versie.", with: "Tweede versie.", in: tip)
        let change = try await nextChange(events)
        let paths = change["paths"] as? [String] ?? []
        #expect(paths.contains("nl/tips/001-een.html"), "\(paths)")
        #expect(!paths.contains { !$0.hasPrefix("nl/") }, "an English page changed: \(paths)")
        #expect(try await preview.get("/nl/tips/001-een.html").text.contains("Tweede versie."))
        try await preview.stop()
    }

    @Test func aSavedTipReachesTheOpenPage() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        try handbook.replace("Almost every organisation says", with: "Nearly every organisation says",
                             in: try handbook.tipFile(1))
        let change = try await nextChange(events)
        let paths = change["paths"] as? [String] ?? []
        #expect(paths.contains(String(Self.firstTip.dropFirst())))
        #expect(paths.filter { $0.hasSuffix(".html") }.count == 2) // the tip, and the booklet (made on request)
        #expect(change["all"] as? Bool == false)
        #expect(change["overlay"] as? Bool == false)
        // The event goes out only after the new site is in place: the page already has the new text.
        let page = try await preview.get(Self.firstTip)
        #expect(page.text.contains("Nearly every organisation says"))
        #expect(page.text.contains("generation: \(change["generation"] as? Int ?? -1),"))
        try await preview.stop()
    }

    @Test func aBurstOfSavesGivesOneReload() async throws {
        let handbook = try TemporaryHandbook()
        // A long quiet time, so that a slow CI machine still writes all six within one burst.
        let preview = try await RunningPreview.start(handbook, debounce: .milliseconds(400))
        let events = try await preview.subscribe()
        for number in 1...6 {
            try handbook.edit(try handbook.tipFile(number)) { $0 + "\nBurst edit.\n" }
        }
        let change = try await nextChange(events)
        #expect((change["paths"] as? [String])?.filter { $0.hasPrefix("tips/") }.count == 6)
        await #expect(throws: RawHTTPError.self) { _ = try await nextChange(events, timeout: 1) }
        try await preview.stop()
    }

    @Test func aStylesheetChangeIsListedForPagesToSwapIt() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        try handbook.edit(handbook.theme.appendingPathComponent("assets/handbook.css")) { $0 + "\nbody { outline: 0; }\n" }
        let change = try await nextChange(events)
        #expect(change["all"] as? Bool == false)
        // 404.html inlines the stylesheet.
        #expect(change["paths"] as? [String] == ["404.html", "assets/handbook.css"])
        let css = try await preview.get("/assets/handbook.css?preview=2")
        #expect(css.text.hasSuffix("body { outline: 0; }\n"))
        try await preview.stop()
    }

    /// A theme folder with only a stylesheet, over the built-in theme: an edit to it reaches open pages.
    @Test func anEditToAnOverrideOfTheBuiltInThemeReloads() async throws {
        let handbook = try TemporaryHandbook()
        let stylesheet = handbook.theme.appendingPathComponent("assets/handbook.css")
        let css = try Data(contentsOf: stylesheet)
        try FileManager.default.removeItem(at: handbook.theme)
        try FileManager.default.createDirectory(at: stylesheet.deletingLastPathComponent(), withIntermediateDirectories: true)
        try css.write(to: stylesheet)
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        let tip = try await preview.get(Self.firstTip)
        #expect(tip.text.contains("Stop confusing intention with experience"))
        try handbook.edit(stylesheet) { $0 + "\nbody { outline: 0; }\n" }
        let change = try await nextChange(events)
        #expect(change["paths"] as? [String] == ["404.html", "assets/handbook.css"])
        #expect(try await preview.get("/assets/handbook.css?preview=2").text.hasSuffix("body { outline: 0; }\n"))
        try await preview.stop()
    }

    @Test func errorsShowOnEveryPageUntilFixed() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        let file = try handbook.tipFile(1)
        let good = try handbook.read(file)
        try handbook.replace("themes: [leadership]", with: "themes: [<script>alert(1)</script>]", in: file)

        let broken = try await nextChange(events)
        #expect(broken["overlay"] as? Bool == true)
        for target in ["/", Self.firstTip, "/no-such-page.html"] {
            let page = try await preview.get(target)
            #expect(page.text.contains("id=\"handbook-preview-errors\""), "\(target) has no overlay")
            #expect(page.text.contains("content/tips/001-stop-confusing-intention-with-experience.md:5:10"))
            #expect(page.text.contains("unknown theme &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
            #expect(!page.text.contains("<script>alert(1)</script>"))
            // The offending line, escaped, with the marker under column 10.
            #expect(page.text.contains("<span class=\"ln\">5 | </span>themes: [&lt;script&gt;alert(1)&lt;/script&gt;]"))
            #expect(page.text.contains("<span class=\"ln\">  | </span>         <span class=\"mark\">^</span>"))
        }
        // The last good site is still served under the overlay.
        #expect(try await preview.get(Self.firstTip).text.contains("Stop confusing intention with experience"))
        #expect(try await preview.get("/assets/handbook.css").text.contains("handbook-preview-errors") == false)

        try handbook.save(file, good)
        let fixed = try await nextChange(events)
        #expect(fixed["overlay"] as? Bool == true)
        let page = try await preview.get(Self.firstTip)
        #expect(!page.text.contains("handbook-preview-errors"))
        try await preview.stop()
    }

    @Test func followOnErrorsFoldUnderTheFirstOfTheirFile() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        try handbook.replace("themes: [leadership]\nrelated: [2, 7]", with: "themes: [nosuch]\nrelated: [2, 999]",
                             in: try handbook.tipFile(1))
        try handbook.replace("themes: [leadership, empathy]", with: "themes: [<b>]", in: try handbook.tipFile(2))
        _ = try await nextChange(events)
        let page = try await preview.get(Self.firstTip).text
        guard let start = page.range(of: "<div id=\"handbook-preview-errors\""),
              let end = page.range(of: "</ol>\n</div>", range: start.upperBound..<page.endIndex) else {
            Issue.record("no overlay")
            return
        }
        let overlay = String(page[start.lowerBound..<end.upperBound])
        // Tip 1 has two errors: the first shown, the second folded; tip 2's one error is not folded.
        #expect(overlay.components(separatedBy: "<details>").count == 2, "\(overlay)")
        let folded = overlay.components(separatedBy: "<details>")[1].components(separatedBy: "</details>")[0]
        #expect(folded.hasPrefix("<summary>1 more in this file</summary>"))
        #expect(folded.contains("001-stop-confusing-intention-with-experience.md:"))
        #expect(!folded.contains("002-"))
        #expect(overlay.contains("002-ask-customers-how-good-you-are.md:"))
        #expect(overlay.contains("themes: [&lt;b&gt;]"))
        try await preview.stop()
    }

    @Test func startsWithBrokenContentAndRecovers() async throws {
        let handbook = try TemporaryHandbook()
        let config = handbook.content.appendingPathComponent("handbook.yml")
        let good = try handbook.read(config)
        try handbook.save(config, good.replacingOccurrences(of: "title: The Customer", with: "titel: The Customer"))
        let preview = try await RunningPreview.start(handbook)
        let page = try await preview.get("/")
        #expect(page.status == 404)
        #expect(page.text.contains("handbook-preview-errors"))
        #expect(page.text.contains("content/handbook.yml:1"))
        let events = try await preview.subscribe()
        try handbook.save(config, good)
        _ = try await nextChange(events)
        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(!home.text.contains("handbook-preview-errors"))
        try await preview.stop()
    }

    @Test func aPageFromAnOlderBuildReloadsAsSoonAsItConnects() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let generation = preview.server.site.generation
        let stale = try await offPool { try SSEClient(port: port, query: "server=elsewhere&generation=\(generation)") }
        let first = try await nextChange(stale)
        #expect(first["all"] as? Bool == true)
        let server = preview.server.serverID
        let current = try await offPool { try SSEClient(port: port, query: "server=\(server)&generation=\(generation)") }
        let hello = try await offPool { try current.next() }
        #expect(hello.name == "hello")
        await #expect(throws: RawHTTPError.self) { _ = try await nextChange(current, timeout: 1) }
        try await preview.stop()
    }

    @Test func stopsWithOpenPagesAndReleasesThePort() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let events = try await preview.subscribe()
        let clock = ContinuousClock()
        let took = try await clock.measure { try await preview.stop() }
        #expect(took < .seconds(5))
        #expect(RawHTTP.isClosed(port: preview.port))
        #expect(throws: (any Error).self) { _ = try events.next(timeout: 2) }
    }
}
