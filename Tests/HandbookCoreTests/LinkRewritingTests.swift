//! Cross-references and other links, rewritten on cmark's node tree: Markdown in, HTML out.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct LinkRewritingTests {
    /// Renders `body` as tip 2 of the standard fixture and returns its HTML.
    private func html(_ body: String, config: String? = nil) throws -> String {
        var files = ContentFixture.standard(["tips/002-two.md": ContentFixture.tip(2, title: "Two", related: "[1]", body: body)])
        if let config { files["handbook.yml"] = config }
        let fixture = ContentFixture(files)
        let prepared = try SiteBuilder.prepare(fixture.options)
        let index = try #require(prepared.handbook.tipPosition(number: 2))
        return prepared.content.tips[index].html
    }

    @Test func tipChapterAndThemeReferences() throws {
        #expect(try html("[one](tip:1) [first](chapter:1) [e](theme:empathy)") ==
            "<p><a href=\"../tips/001-one.html\">one</a> <a href=\"../chapters/01-first.html\">first</a> <a href=\"../themes/empathy.html\">e</a></p>\n")
    }

    @Test func emptyTextTakesTheTargetTitle() throws {
        #expect(try html("[](tip:3) and [](chapter:2) and [](theme:never-normal)") ==
            "<p><a href=\"../tips/003-three.html\">Three</a> and <a href=\"../chapters/02-second.html\">Second</a> and <a href=\"../themes/never-normal.html\">Never normal</a></p>\n")
    }

    @Test func fragmentsAreKept() throws {
        #expect(try html("[x](tip:1#why-it-works)") == "<p><a href=\"../tips/001-one.html#why-it-works\">x</a></p>\n")
    }

    @Test func relativeMarkdownLinksBecomePageLinks() throws {
        #expect(try html("[a](001-one.md) [b](../chapters/02-second.md) [c](./003-three.md#top)") ==
            "<p><a href=\"../tips/001-one.html\">a</a> <a href=\"../chapters/02-second.html\">b</a> <a href=\"../tips/003-three.html#top\">c</a></p>\n")
    }

    /// The table of content files is made only when a relative `.md` link needs it, and then
    /// finds the same targets as before.
    @Test func fileTableIsMadeOnTheFirstMarkdownLink() throws {
        let fixture = ContentFixture(ContentFixture.standard([:]))
        let prepared = try SiteBuilder.prepare(fixture.options)
        let resolver = LinkResolver(handbook: prepared.handbook)
        #expect(resolver.resolve("tip:1", from: "content/tips/002-two.md") == .handbook(.tip(1), fragment: nil))
        #expect(resolver.resolve("https://example.com/a.md", from: "content/tips/002-two.md") == .unchanged)
        #expect(!resolver.targetsByPath.isMade)
        #expect(resolver.resolve("../chapters/02-second.md#top", from: "content/tips/002-two.md")
            == .handbook(.chapter(2), fragment: "top"))
        #expect(resolver.targetsByPath.isMade)
        #expect(resolver.resolve("003-three.md", from: "content/tips/002-two.md") == .handbook(.tip(3), fragment: nil))
        #expect(resolver.resolve("./001-one.md", from: "content/tips/002-two.md") == .handbook(.tip(1), fragment: nil))
    }

    @Test func externalLinksAreUntouched() throws {
        #expect(try html("[w](https://example.com/a?b=1&c=2) [m](mailto:a@example.com) [s](#here)") ==
            "<p><a href=\"https://example.com/a?b=1&amp;c=2\">w</a> <a href=\"mailto:a@example.com\">m</a> <a href=\"#here\">s</a></p>\n")
    }

    @Test func scriptURLsAreNeutralised() throws {
        let result = try html("[x](javascript:alert(1)) [y](JavaScript:evil) [z](data:text/html;base64,AAAA) [f](file:///etc/passwd)")
        #expect(!result.lowercased().contains("javascript"))
        #expect(!result.contains("data:text/html"))
        #expect(!result.contains("file:"))
        let problems = ContentFixture(ContentFixture.standard([
            "tips/002-two.md": ContentFixture.tip(2, related: "[1]", body: "[x](javascript:alert(1))\n\n**How you'll know:** y."),
        ])).problems()
        #expect(problems == [
            "content/tips/002-two.md:9:1: warning: link with a 'javascript:' URL was removed\n    hint: such links can run code or read local files; link to a web page instead",
        ])
    }

    @Test func headingsGetStableUniqueAnchors() throws {
        #expect(try html("## Why it works\n\n## Why it *works*\n\n### Café & co.") ==
            // cmark puts custom blocks' tags on lines of their own; browsers ignore that white space.
            "<h2 id=\"why-it-works\">\nWhy it works\n</h2>\n<h2 id=\"why-it-works-2\">\nWhy it <em>works</em>\n</h2>\n<h3 id=\"cafe-co\">\nCafé &amp; co.\n</h3>\n")
    }

    @Test func howYoullKnowParagraphIsMarkedWithEitherApostrophe() throws {
        for label in ["How you'll know", "How you\u{2019}ll know"] {
            #expect(try html("**Try this:** ask.\n\n**\(label):** fewer repeat calls within a month.") ==
                "<p class=\"try-this\">\n<strong>Try this:</strong> ask.\n</p>\n<p class=\"how-you-know\">\n"
                + "<strong>How you\u{2019}ll know:</strong> fewer repeat calls within a month.\n</p>\n")
        }
    }

    @Test func tryThisParagraphIsMarked() throws {
        #expect(try html("Idea.\n\n**Try this:** ask a customer.") ==
            "<p>Idea.</p>\n<p class=\"try-this\">\n<strong>Try this:</strong> ask a customer.\n</p>\n")
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() throws {
        let body = "<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b>."
        let safe = try html(body)
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        // Allowed raw HTML keeps its markup, never its script (RawHTMLSafetyTests has more).
        let unsafe = try html(body, config: ContentFixture.config + "unsafe_html: true\n")
        #expect(unsafe.contains("Text with <b>bold</b>."))
        #expect(!unsafe.contains("<script"))
        #expect(!unsafe.contains("onclick"))
    }

    @Test func referencedByComesFromCrossReferences() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let prepared = try SiteBuilder.prepare(fixture.options)
        #expect(prepared.content.referencedBy == [3: [2]])
        let page = try fixture.pages()["tips/003-three.html"] ?? ""
        #expect(page.contains("<a href=\"../tips/002-two.html\"><span class=\"tip-number\">2</span> <span class=\"link-title\">Two</span></a>"))
    }
}
