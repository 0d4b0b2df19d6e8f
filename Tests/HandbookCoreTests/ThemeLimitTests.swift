//! A hostile theme (issue 23, fault 10): sections nested without end are a template error on
//! their line, not a crash, and a page that a section repeated inside itself makes grow without
//! bound stops at a limit, reported with its template's name.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ThemeLimitTests {
    /// `check`'s diagnostics with `tips.mustache` of a copied default theme replaced by `template`.
    private func check(tipsTemplate template: String) throws -> [String] {
        let fixture = ContentFixture(ContentFixture.standard())
        let theme = fixture.directory.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        try template.write(to: theme.appendingPathComponent("templates/tips.mustache"), atomically: true, encoding: .utf8)
        var options = fixture.options
        options.theme = UserPath(url: theme, shown: "theme")
        do {
            let prepared = try SiteBuilder.prepare(options)
            try SiteBuilder.write(prepared, into: MemorySink())
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        }
    }

    @Test func twentyFiveThousandNestedSectionsAreAnErrorOnTheirLine() throws {
        let template = String(repeating: "{{#tips}}\n", count: 25_000) + "x\n" + String(repeating: "{{/tips}}\n", count: 25_000)
        let problems = try check(tipsTemplate: template)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("theme/templates/tips.mustache:101:1: error: template error: sections are nested more than 100 deep") == true,
                "\(problems)")
    }

    @Test func aSectionRepeatedInsideItselfStopsAtThePageLimit() throws {
        // The all-tips page's four theme filters, twelve levels: 16.8 million copies of 4 KB,
        // 64 GB without a limit.
        let filler = String(repeating: "0123456789abcdef", count: 256)
        let template = "{{<layout}}{{$content}}" + String(repeating: "{{#filter_themes}}", count: 12) + filler
            + String(repeating: "{{/filter_themes}}", count: 12) + "{{/content}}{{/layout}}\n"
        let problems = try check(tipsTemplate: template)
        #expect(problems == [
            "theme/templates/tips.mustache:1:1: error: a page made with template 'tips' grew past 256 MB, and rendering stopped\n    hint: look for a section repeated inside itself, such as {{#tips}} inside {{#tips}}",
        ], "\(problems)")
    }
}
