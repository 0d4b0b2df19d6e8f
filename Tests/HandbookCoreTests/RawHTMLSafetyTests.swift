//! `unsafe_html: true` allows raw HTML, but never script: no script URL, event attribute or
//! script-capable element reaches a page or the booklet; and an image must be a file of the
//! handbook, never an absolute path that would put a local file in the PDF (issue 23, fault 6).

import Foundation
import Testing
@testable import HandbookCore

@Suite struct RawHTMLSafetyTests {
    static let hostile = """
        <a href="javascript:alert(1)">one</a> <a href=" jav&#x09;ascript:alert(2)">two</a>
        <img src="x.png" onerror="alert(3)" alt="pic"> <iframe src="javascript:alert(4)"></iframe>

        <script>alert(5)</script>

        <div onclick='alert(6)' class="box"><svg onload=alert(7)></svg><object data="javascript:alert(8)"></object></div>

        <a rel="attachment" href="file:///etc/passwd">passwd</a> <a href="https://example.com/?a=1&amp;b=2">ok</a>
        """

    private func tipPage(_ body: String) throws -> (page: String, booklet: String, problems: [String]) {
        let fixture = ContentFixture(ContentFixture.standard([
            "handbook.yml": ContentFixture.config + "unsafe_html: true\n",
            "tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: body + "\n\n**How you'll know:** a sign."),
        ]))
        let prepared = try SiteBuilder.prepare(fixture.options, booklet: true)
        let sink = MemorySink()
        try SiteBuilder.write(prepared, into: sink)
        return (try #require(sink.files["tips/004-x.html"]), try #require(sink.files["booklet/index.html"]),
                prepared.diagnostics.map(\.description))
    }

    @Test func rawHTMLKeepsItsMarkupButLosesItsScript() throws {
        let (page, booklet, problems) = try tipPage(Self.hostile)
        for html in [page, booklet] {
            let article = html.components(separatedBy: "alert(").count - 1
            #expect(article == 0, "a script survived: \(html)")
            #expect(!html.contains("file:///etc/passwd"))
            #expect(!html.contains("<iframe"))
            #expect(!html.contains("onerror"))
            #expect(!html.contains("onclick"))
            #expect(!html.contains("<object"))
            #expect(html.contains("<img src=\"x.png\" alt=\"pic\">"))
            #expect(html.contains("<div class=\"box\">"))
            #expect(html.contains("href=\"https://example.com/?a=1&amp;b=2\""))
        }
        #expect(problems.contains { $0.hasPrefix("content/tips/004-x.md:9:1: warning: raw HTML: removed ") })
    }

    @Test(arguments: ["/etc/hosts.png", "../../../../etc/hosts.png", "file:///etc/hosts.png", "data:text/html;base64,AAAA"])
    func anImageOutsideTheHandbookIsAnError(source: String) {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: "Look:\n\n![a picture](\(source))\n\n**How you'll know:** a sign."),
        ]))
        let problems = fixture.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/tips/004-x.md:11:1: error: image '\(source)' is outside the handbook") == true, "\(problems)")
    }
}
