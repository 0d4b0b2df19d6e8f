//! The pages and markup that search.js and five.js work with, as `handbook build` writes them.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct SearchPagesTests {
    private static func realSite() throws -> [String: String] {
        let prepared = try SiteBuilder.prepare(BuildOptions(
            content: packageRoot.appendingPathComponent("Tests/Fixtures/handbook").path,
            theme: packageRoot.appendingPathComponent("themes/default").path, output: "/nonexistent"))
        let sink = MemorySink()
        try SiteBuilder.write(prepared, into: sink)
        return sink.files
    }

    @Test func buildWritesTheSearchPagesAndScripts() throws {
        let files = try Self.realSite()
        for path in ["search.html", "my-five.html", "assets/tips-data.js", "assets/search-index.js", "assets/search-text-0.js"] {
            #expect(files[path] != nil, "\(path) is missing")
        }
        for asset in ["search.js", "five.js"] {
            #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("themes/default/assets/\(asset)").path))
        }
    }

    @Test func everyPageHasTheSearchBoxAndScriptsWithRelativeLinks() throws {
        let files = try Self.realSite()
        let tip = try #require(files.keys.first { $0.hasPrefix("tips/") })
        for (path, prefix) in [("index.html", ""), ("tips.html", ""), (tip, "../"), ("themes/empathy.html", "../")] {
            let html = try #require(files[path])
            #expect(html.contains("<form class=\"site-search\" role=\"search\" action=\"\(prefix)search.html\""), "\(path)")
            #expect(html.contains("<script src=\"\(prefix)assets/search.js\" defer></script>"), "\(path)")
            #expect(html.contains("<script src=\"\(prefix)assets/five.js\" defer></script>"), "\(path)")
            #expect(html.contains("data-root=\"\(prefix)\""), "\(path)")
            #expect(html.contains("href=\"\(prefix)my-five.html\""), "\(path)")
            #expect(!html.contains("search-index.js"), "\(path) loads the index before search is used")
        }
    }

    @Test func theSearchPageHasAFilterPerThemeAndNoHeaderBox() throws {
        let html = try #require(try Self.realSite()["search.html"])
        #expect(html.contains("data-search-page"))
        for slug in ["leadership", "empathy", "flywheel", "never-normal"] {
            #expect(html.contains("<input type=\"radio\" name=\"theme\" value=\"\(slug)\">"))
        }
        #expect(!html.contains("data-search-box"))
        #expect(html.contains("<noscript>"))
    }

    @Test func scriptOnlyPartsAreHiddenWithoutJavaScript() throws {
        let files = try Self.realSite()
        let tip = try #require(files["tips/012-open-meetings-with-a-customer-story.html"])
        #expect(tip.contains("<div class=\"five-toggle\" data-five-toggle=\"12\" hidden>"))
        #expect(try #require(files["index.html"]).contains("<section class=\"tip-of-day\" data-tip-of-the-day hidden"))
        let myFive = try #require(files["my-five.html"])
        #expect(myFive.contains("<div class=\"five-app\" data-my-five hidden>"))
        #expect(myFive.contains("<noscript>"))
    }

    @Test func interfaceWordsComeFromTheStringsInBothLanguages() throws {
        let folder = packageRoot.appendingPathComponent("themes/default/strings")
        func keys(_ language: String) throws -> Set<String> {
            let text = try String(contentsOf: folder.appendingPathComponent("\(language).yml"), encoding: .utf8)
            return Set(text.split(separator: "\n").compactMap { line in
                line.hasPrefix("#") ? nil : line.split(separator: ":", maxSplits: 1).first.map(String.init)
            })
        }
        let english = try keys("en"), dutch = try keys("nl")
        #expect(english == dutch)
        let templates = ["search", "my-five", "partials/script-strings", "partials/header"].map {
            (try? String(contentsOf: packageRoot.appendingPathComponent("themes/default/templates/\($0).mustache"),
                         encoding: .utf8)) ?? ""
        }.joined()
        let used = try NSRegularExpression(pattern: #"\{\{t\.([a-z_]+)\}\}"#)
            .matches(in: templates, range: NSRange(templates.startIndex..., in: templates))
            .compactMap { Range($0.range(at: 1), in: templates).map { String(templates[$0]) } }
        for key in Set(used) { #expect(english.contains(key), "strings have no '\(key)'") }
    }

    /// A server shows the 404 page at the missing address, at any depth: a relative
    /// `assets/search.js` would point nowhere, so the page loads it once it knows the root.
    @Test func theNotFoundPageLoadsSearchFromTheSitesRoot() throws {
        let relative = try #require(try ContentFixture(ContentFixture.standard()).pages()["404.html"])
        #expect(!relative.contains("<script src=\"assets/search.js\""))
        #expect(relative.contains("data-not-found hidden"))
        #expect(relative.contains("\"assets/search.js\""))
        let fixed = try #require(try ContentFixture(ContentFixture.standard([
            "handbook.yml": ContentFixture.config + "base_url: https://intranet.example/handbook\n",
        ])).pages()["404.html"])
        #expect(fixed.contains("<script src=\"https://intranet.example/handbook/assets/search.js\" defer></script>"))
        #expect(fixed.contains("action=\"https://intranet.example/handbook/search.html\""))
        #expect(!fixed.contains("method: \"HEAD\""))
    }
}
