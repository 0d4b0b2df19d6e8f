//! The speed work's shortcuts give the bytes of the plain paths: pages rendered all at once with
//! shared tip summaries (as `build` does) equal each page rendered on its own, and the booklet
//! rendered from the site's cmark parse equals the booklet rendered from a parse of its own.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FastPathTests {
    static func realOptions(output: URL) -> BuildOptions {
        var options = BuildOptions(content: packageRoot.appendingPathComponent("Tests/Fixtures/handbook").path,
                                   theme: packageRoot.appendingPathComponent("themes/default").path,
                                   output: output.path)
        options.content = UserPath(path: options.content.path, shown: "content")
        options.theme = UserPath(path: options.theme.path, shown: "themes/default")
        return options
    }

    // Every page `build` wrote (in parallel, with shared summaries and layers, as bytes) is the
    // page rendered alone from its merged context, without sharing.
    @Test func builtPagesEqualPagesRenderedOneByOne() throws {
        let folder = TemporaryDirectory()
        let options = Self.realOptions(output: folder.file("site"))
        try SiteBuilder.build(options)
        let prepared = try SiteBuilder.prepare(options)
        let pages = PageKind.all(for: prepared.handbook)
        #expect(pages.count > 64, "the shared summaries are used above 64 pages")
        // The plain path: one merged context per page, nothing shared, no partial replayed.
        let plain = try PageBuilder(handbook: prepared.handbook, content: prepared.content, strings: prepared.theme.strings,
                                inlineStylesheet: prepared.theme.stylesheet, hasBooklet: prepared.theme.hasBooklet,
                                shareSummaries: false, contentsTheme: prepared.theme, fileDates: prepared.fileDates)
        for page in pages {
            let path = page.path(in: prepared.handbook)
            let alone = try #require(prepared.theme.library.render(page.template, plain.context(for: page)))
            #expect(folder.read("site/" + path) == alone, "\(path)")
        }
    }

    @Test func bookletFromTheSiteParseEqualsItsOwnParse() throws {
        let folder = TemporaryDirectory()
        let options = Self.realOptions(output: folder.file("site"))
        try SiteBuilder.build(options)
        let shared = try SiteBuilder.prepare(options, booklet: true)
        let own = try Self.bookletFromItsOwnParse(shared)
        #expect(shared.bookletHTML() == own)
        #expect(folder.read("site/" + SitePaths.booklet) == own)
    }

    // Headings, same-body fragments, every kind of handbook link, empty link texts, external
    // links, images and a link inside a heading: the cases the second render re-points.
    @Test func bookletOfTrickyLinksEqualsItsOwnParse() throws {
        let body = """
            ## Why it works

            See [](tip:2), [the chapter](chapter:2#why), [a theme](theme:empathy), [a file](002-two.md#try),
            [this part](#why-it-works), [a site](https://example.org "Title & more"), and ![a picture](https://example.org/p.png).

            ## A [linked](tip:3) heading

            ## Why it works

            **Try this:** follow [](tip:3).
            """
        let fixture = ContentFixture(ContentFixture.standard(["tips/001-one.md": ContentFixture.tip(1, title: "One", related: "[2]", body: body)]))
        let shared = try SiteBuilder.prepare(fixture.options, booklet: true)
        let separate = try SiteBuilder.prepare(fixture.options)
        let own = try Self.bookletFromItsOwnParse(shared)
        #expect(shared.bookletHTML() == own)
        #expect(own.contains("id=\"tip-1-why-it-works-2\""))
        #expect(own.contains("href=\"#tip-1-why-it-works\""))
        #expect(own.contains("class=\"print-ref\""))
        // And the site's copy of the body is what it was before the booklet's links were set.
        #expect(shared.content.tips[0].html == separate.content.tips[0].html)
        #expect(shared.content.tips[0].html.contains("href=\"../tips/002-two.html\""))
        #expect(shared.content.tips[0].html.contains("id=\"why-it-works-2\""))
    }
}

extension FastPathTests {
    /// The plain path: every body parsed and rendered again for the booklet alone.
    static func bookletFromItsOwnParse(_ prepared: SiteBuilder.Prepared) throws -> String {
        let theme = try #require(prepared.booklet).theme
        let output = BookletBuilder.alternateOutput(for: theme)
        let (content, _) = ContentRenderer.render(prepared.handbook, pageDestinations: output.pageDestinations,
                                                  homeDestinations: output.homeDestinations, anchorPrefix: output.anchorPrefix)
        let bodies = AlternateBodies(introduction: content.introduction?.htmlUTF8, chapters: content.chapters.map(\.htmlUTF8),
                                     tips: content.tips.map(\.htmlUTF8))
        return String(decoding: BookletBuilder.html(for: prepared.handbook, booklet: PreparedBooklet(theme: theme, bodies: bodies)),
                      as: UTF8.self)
    }
}

@Suite struct FileStemTests {
    @Test func theStemIsTheFileNameWithoutMd() {
        let cases = ["tips/012-listen.md": "012-listen", "012-LISTEN.MD": "012-LISTEN", "a/b/c.Md": "c", "x.mD": "x",
                     "dir/ü-café.md": "ü-café", "dir/é": "é", "a.mdx": "a.mdx", "a/b.markdown": "b.markdown",
                     "tips/.hidden.md": ".hidden", "nested/dir/name.with.dots.md": "name.with.dots"]
        for (path, stem) in cases {
            #expect(ContentDecoder.stem(of: path) == stem, "\(path.debugDescription)")
        }
    }
}

@Suite struct ReplacingASCIITests {
    @Test func replacesLikeFoundation() {
        let pieces = ["<", "/", "</", "a", "é", "\r", "\n", "\r\n", "😀", "x</y", " "]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.replacingASCII("</", with: "<\\/") == text.replacingOccurrences(of: "</", with: "<\\/"), "\(text.debugDescription)")
            #expect(text.replacingASCII("\r\n", with: "\n").replacingASCII("\r", with: "\n")
                    == text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), "\(text.debugDescription)")
        }
    }
}

@Suite struct RootPrefixTests {
    @Test func rootPrefixLeadsBackToTheSiteRoot() {
        let cases = ["index.html": "", "tips/001-a.html": "../", "themes/x/y.html": "../../", "a//b.html": "../", "/tips/a.html": "../"]
        for (path, prefix) in cases {
            #expect(SitePaths.rootPrefix(forPage: path) == prefix, "\(path)")
        }
    }
}
