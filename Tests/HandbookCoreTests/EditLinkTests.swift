//! "Edit this page" links from `edit_url` in handbook.yml.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct EditLinkTests {
    static func pages(editURL: String?, extra: [String: String] = [:]) throws -> [String: String] {
        var files = ContentFixture.standard(extra)
        if let editURL { files["handbook.yml"] = ContentFixture.config + "edit_url: \"\(editURL)\"\n" }
        return try ContentFixture(files).pages()
    }

    /// The href of the page's "Edit this page" link, or nil when it has none.
    static func editLink(_ page: String?) -> String? {
        guard let page, let start = page.range(of: "<p class=\"edit-link\"><a href=\"") else { return nil }
        let rest = page[start.upperBound...]
        #expect(rest.contains("\">Edit this page</a></p>"))
        return String(rest.prefix { $0 != "\"" })
    }

    @Test func tipChapterAndHomePagesLinkToTheirSourceFile() throws {
        let base = "https://git.example.com/cx/handbook/-/edit/main/content"
        let pages = try Self.pages(editURL: base, extra: [
            "tips/004 four & more.md": ContentFixture.tip(4, title: "Four"),
            "tips/extra/005-five.md": ContentFixture.tip(5, title: "Five"),
        ])
        #expect(Self.editLink(pages["tips/002-two.html"]) == base + "/tips/002-two.md")
        #expect(Self.editLink(pages["chapters/01-first.html"]) == base + "/chapters/01-first.md")
        #expect(Self.editLink(pages["index.html"]) == base + "/handbook.yml")
        // Spaces and '&' in a name are percent-encoded; a subfolder keeps its slash.
        let four = try #require(pages.keys.first { $0.hasPrefix("tips/004") })
        #expect(Self.editLink(pages[four]) == base + "/tips/004%20four%20%26%20more.md")
        let five = try #require(pages.keys.first { $0.hasPrefix("tips/005") })
        #expect(Self.editLink(pages[five]) == base + "/tips/extra/005-five.md")
        // Pages made from no one file of their own have no link.
        for path in ["tips.html", "search.html", "my-five.html", "404.html", "themes/empathy.html"] {
            #expect(Self.editLink(pages[path]) == nil, "\(path) has an edit link")
        }
    }

    /// `{path}` puts the path inside the URL (Azure DevOps takes it as a query value); the
    /// link's '&' is escaped in the page.
    @Test func placeholderPutsThePathInsideTheURL() throws {
        let pages = try Self.pages(editURL: "https://dev.example.com/_git/handbook?path=/content/{path}&version=GBmain")
        #expect(Self.editLink(pages["tips/001-one.html"])
            == "https://dev.example.com/_git/handbook?path=/content/tips/001-one.md&amp;version=GBmain")
    }

    @Test func withoutEditURLNoPageHasALink() throws {
        let pages = try Self.pages(editURL: nil)
        #expect(!pages.isEmpty)
        #expect(pages.values.allSatisfy { !$0.contains("class=\"edit-link\"") })
    }

    @Test func relativeEditURLIsAnErrorOnItsLine() {
        let config = ContentFixture.config + "edit_url: git/handbook/edit\n"
        let problems = ContentFixture(ContentFixture.standard(["handbook.yml": config])).problems()
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("edit_url") }! + 1
        #expect(problems.contains { $0.hasPrefix("content/handbook.yml:\(line):1: error: 'edit_url' must be an absolute http(s) URL") },
                "\(problems)")
        #expect(problems.contains { $0.contains("hint: for example 'edit_url: https://") })
    }
}
