//! Many themes (issue 23, fault 11): the header of every page names the themes only while they
//! are few; past that the home page lists them, so a page's size does not grow with their number.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ThemeCountTests {
    /// The standard handbook with `extra` more themes, each given to tip 1.
    private func pages(extraThemes extra: Int) throws -> [String: String] {
        let slugs = (1...extra).map { "extra-\($0)" }
        let config = ContentFixture.config.replacingOccurrences(of: "flywheel: [", with: slugs.map {
            "  - slug: \($0)\n    title: Theme \($0)\n    description: One more.\n"
        }.joined() + "flywheel: [")
        let fixture = ContentFixture(ContentFixture.standard([
            "handbook.yml": config,
            "tips/001-one.md": ContentFixture.tip(1, title: "One", themes: "[empathy, \(slugs.joined(separator: ", "))]", related: "[2]"),
        ]))
        return try fixture.pages()
    }

    private func headerThemeLinks(_ page: String) -> Int {
        guard let start = page.range(of: "<nav class=\"site-nav\""), let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex)
        else { return -1 }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "themes/").count - 1
    }

    @Test func aFewThemesAreInEveryHeader() throws {
        let pages = try pages(extraThemes: 8)
        #expect(headerThemeLinks(try #require(pages["tips/002-two.html"])) == 12)
    }

    @Test func manyThemesAreListedOnTheHomePageOnly() throws {
        let pages = try pages(extraThemes: 9)
        #expect(headerThemeLinks(try #require(pages["tips/002-two.html"])) == 0)
        #expect(headerThemeLinks(try #require(pages["index.html"])) == 0)
        let home = try #require(pages["index.html"])
        #expect((1...9).allSatisfy { home.contains("href=\"themes/extra-\($0).html\"") })
        #expect(pages["themes/extra-9.html"] != nil)
    }
}
