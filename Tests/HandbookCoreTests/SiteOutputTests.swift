//! The built site as a whole: its pages, escaping, and that every relative link leads somewhere.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct SiteOutputTests {
    @Test func pageSetOfASmallHandbook() throws {
        let pages = try ContentFixture(ContentFixture.standard()).pages()
        #expect(Set(pages.keys) == Set([
            "index.html", "tips.html", "404.html",
            "chapters/01-first.html", "chapters/02-second.html",
            "themes/leadership.html", "themes/empathy.html", "themes/flywheel.html", "themes/never-normal.html",
            "tips/001-one.html", "tips/002-two.html", "tips/003-three.html",
        ]).union(pages.keys.filter(Self.isExtraPage)))
    }

    /// Pages added by later features (search, my five) are welcome; the core set must be there.
    static func isExtraPage(_ path: String) -> Bool {
        ["search.html", "my-five.html"].contains(path) || path.hasPrefix("assets/") || path.hasPrefix("booklet/")
    }

    // A chapter without tips of its own (a reference chapter) has no empty "Tips in this chapter".
    @Test func aChapterWithoutTipsHasNoTipsHeading() throws {
        let pages = try ContentFixture(ContentFixture.standard([
            "chapters/03-sources.md": ContentFixture.chapter(3, title: "Sources", part: "Part one"),
        ])).pages()
        #expect(pages["chapters/02-second.html"]?.contains("id=\"chapter-tips\"") == true)
        #expect(pages["chapters/03-sources.html"]?.contains("id=\"chapter-tips\"") == false)
    }

    @Test func everyTextValueIsEscaped() throws {
        let hostile = "<script>alert('x')</script> & \"quotes\""
        var config = ContentFixture.config.replacingOccurrences(of: "title: Test Handbook", with: "title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'")
        config = config.replacingOccurrences(of: "description: Empathy in systems.", with: "description: '<img src=x onerror=alert(1)>'")
        let pages = try ContentFixture(ContentFixture.standard([
            "handbook.yml": config,
            "tips/001-one.md": ContentFixture.tip(1, title: "<b>Bold</b> & co", related: "[2]"),
            "chapters/01-first.md": ContentFixture.chapter(1, title: "A \"quoted\" <i>chapter</i>", part: "<em>Part</em>"),
        ])).pages()
        for (path, html) in pages where path.hasSuffix(".html") {
            #expect(!html.contains("<script>alert"), "unescaped title in \(path)")
            #expect(!html.contains("<img src=x"), "unescaped description in \(path)")
            #expect(!html.contains("<b>Bold</b>"), "unescaped tip title in \(path)")
            #expect(!html.contains("<i>chapter</i>"), "unescaped chapter title in \(path)")
        }
        #expect(pages["tips/001-one.html"]?.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co") == true)
        #expect(pages["index.html"]?.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;") == true)
    }

    @Test func tipPageShowsItsConnections() throws {
        let page = try #require(try ContentFixture(ContentFixture.standard()).pages()["tips/002-two.html"])
        #expect(page.contains("<a class=\"tag tag-empathy\" href=\"../themes/empathy.html\">Empathy</a>"))
        #expect(page.contains("href=\"../chapters/01-first.html\""))
        #expect(page.contains("rel=\"prev\""))
        // search.js follows these links on the left and right arrow keys; the attribute says so.
        #expect(page.contains("href=\"../tips/001-one.html\" rel=\"prev\" aria-keyshortcuts=\"ArrowLeft\""))
        #expect(page.contains("href=\"../tips/003-three.html\" rel=\"next\" aria-keyshortcuts=\"ArrowRight\""))
        #expect(page.contains("<a href=\"../tips/003-three.html\"><span class=\"tip-number\">3</span> <span class=\"link-title\">Three</span></a>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/handbook.css\">"))
        #expect(page.contains("<link rel=\"icon\" href=\"../assets/icon.svg\" type=\"image/svg+xml\">"))
    }

    /// Tip, chapter, theme and home pages carry a `<meta name="description">` (their summary,
    /// description or the subtitle), escaped; pages with nothing to say about themselves carry none.
    @Test func pagesDescribeThemselvesInTheirHead() throws {
        let quoted = "---\nnumber: 2\ntitle: Two\nchapter: 1\nthemes: [empathy]\nsummary: Say \"sorry\" & <mean> it.\n---\nBody.\n"
        let chapter = "---\nnumber: 1\ntitle: First\npart: Part one\nsummary: Where it starts.\n---\nIntro.\n"
        let pages = try ContentFixture(ContentFixture.standard(["tips/002-two.md": quoted, "chapters/01-first.md": chapter])).pages()
        func description(_ path: String) -> String? {
            guard let page = pages[path], let start = page.range(of: "<meta name=\"description\" content=\"") else { return nil }
            return String(page[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(description("tips/001-one.html") == "Summary 1.")
        #expect(description("tips/002-two.html") == "Say &quot;sorry&quot; &amp; &lt;mean&gt; it.")
        #expect(description("chapters/01-first.html") == "Where it starts.")
        #expect(description("chapters/02-second.html") == nil)
        #expect(description("themes/empathy.html") == "Empathy in systems.")
        #expect(description("index.html") == "For tests")
        #expect(description("tips.html") == nil)
        #expect(description("search.html") == nil)
        #expect(pages["tips/001-one.html"]?.components(separatedBy: "name=\"description\"").count == 2, "one description per page")
    }

    /// Every page's footer links to the printable booklet, at the page's depth; a theme folder
    /// without `booklet/` keeps the link, since the built-in theme's booklet fills the gap.
    @Test func pagesLinkToTheBookletOfTheBuiltInThemeToo() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let pages = try fixture.pages()
        #expect(pages["index.html"]?.contains("<a href=\"booklet/index.html\">Printable booklet</a>") == true)
        #expect(pages["tips/002-two.html"]?.contains("<a href=\"../booklet/index.html\">Printable booklet</a>") == true)

        let folder = TemporaryDirectory()
        let theme = folder.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("booklet"))
        var options = fixture.options
        options.theme = UserPath(url: theme, shown: "theme")
        let sink = MemorySink()
        try SiteBuilder.write(try SiteBuilder.prepare(options), into: sink)
        #expect(sink.files["index.html"]?.contains("Made with Handbook.") == true)
        #expect(sink.files["tips/002-two.html"]?.contains("<a href=\"../booklet/index.html\">Printable booklet</a>") == true)
    }

    @Test func themePageGroupsTipsByChapterWithCount() throws {
        let page = try #require(try ContentFixture(ContentFixture.standard()).pages()["themes/empathy.html"])
        #expect(page.contains("3 tips"))
        let first = try #require(page.range(of: "Chapter 1: First"))
        let second = try #require(page.range(of: "Chapter 2: Second"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test func homeGroupsChaptersByPart() throws {
        let page = try #require(try ContentFixture(ContentFixture.standard()).pages()["index.html"])
        #expect(page.contains("<h3 class=\"part-name\" id=\"part-part-one\">Part one</h3>"))
        #expect(page.contains("Leadership"))
        #expect(page.contains("href=\"tips.html\""))
    }

    @Test func sitemapOnlyWithBaseURL() throws {
        #expect(try ContentFixture(ContentFixture.standard()).pages()["sitemap.xml"] == nil)
        let pages = try ContentFixture(ContentFixture.standard([
            "handbook.yml": ContentFixture.config + "base_url: https://intranet.example/handbook\n",
        ])).pages()
        let sitemap = try #require(pages["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://intranet.example/handbook/</loc>"))
        #expect(sitemap.contains("<loc>https://intranet.example/handbook/tips/001-one.html</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(pages["404.html"]?.contains("href=\"https://intranet.example/handbook/index.html\"") == true)
    }

    @Test func notFoundPageCarriesItsOwnStyles() throws {
        let page = try #require(try ContentFixture(ContentFixture.standard()).pages()["404.html"])
        #expect(page.contains("<style>"))
        #expect(page.contains("--accent"))
        #expect(page.contains("assets/handbook.css\", { method: \"HEAD\" }"))
    }

    @Test func dutchInterfaceStrings() throws {
        let pages = try ContentFixture(ContentFixture.standard([
            "handbook.yml": ContentFixture.config + "language: nl\n",
        ])).pages()
        #expect(pages["index.html"]?.contains("<html lang=\"nl\">") == true)
        #expect(pages["tips/002-two.html"]?.contains("Zie ook") == true)
    }

    @Test func everyRelativeLinkOfTheRealHandbookResolves() throws {
        let folder = TemporaryDirectory()
        var options = BuildOptions(content: packageRoot.appendingPathComponent("content").path,
                                   theme: packageRoot.appendingPathComponent("themes/default").path,
                                   output: folder.file("site").path)
        options.includeDrafts = false
        let report = try SiteBuilder.build(options)
        #expect(report.diagnostics.isEmpty)
        let site = folder.file("site")
        let broken = LinkChecker.brokenLinks(in: site)
        #expect(broken == [], "broken links: \(broken.prefix(10))")
        #expect(report.pages >= 100 + 9 + 4 + 3)
    }
}
