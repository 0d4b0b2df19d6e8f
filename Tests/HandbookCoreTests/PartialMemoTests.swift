//! Replaying remembered partials (`PartialMemo`) gives the bytes of rendering them: for equal and
//! changed values, sections, `.`, nested partials, layered contexts, indentation, blocks and the
//! expansion limit.

import Testing
@testable import HandbookCore

@Suite struct PartialMemoTests {
    static let templates: [String: String] = [
        "page": "{{>head}}|{{body}}|{{>foot}}\n",
        "head": "<{{title}}{{#items}}[{{name}}/{{site}}]{{/items}}{{^items}}none{{/items}}{{>inner}}>",
        "inner": "{{site}}:{{t.word}}",
        "foot": "{{.}}{{#flag}}on{{/flag}}",
    ]

    /// Renders `name` with a memo and without one, expects the same bytes, and returns them.
    @discardableResult
    static func renderBothWays(_ library: TemplateLibrary, _ name: String, _ layers: [TemplateValue],
                               memo: PartialMemo, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        var remembered: [UInt8] = Array("left over".utf8)
        #expect(library.render(name, layers: layers, into: &remembered, memo: memo))
        var plain: [UInt8] = []
        #expect(library.render(name, layers: layers, into: &plain, memo: nil))
        #expect(remembered == plain, sourceLocation: sourceLocation)
        return String(decoding: remembered, as: UTF8.self)
    }

    @Test func equalValuesReplayAndChangedValuesRender() throws {
        let library = try TemplateLibrary(templates: Self.templates)
        let shared: TemplateValue = ["site": "S", "title": "T", "t": ["word": "w"],
                                     "items": [["name": "a"], ["name": "b"]]]
        let memo = PartialMemo()
        let first = Self.renderBothWays(library, "page", [shared, ["body": "one"]], memo: memo)
        #expect(first == "<T[a/S][b/S]S:w>|one|\n")
        let missesAfterFirst = memo.misses
        #expect(memo.hits == 0)

        // Same shared layer, another page: head (and inner) are copied; foot shows `.`, the page's own layer.
        let second = Self.renderBothWays(library, "page", [shared, ["body": "two"]], memo: memo)
        #expect(second == "<T[a/S][b/S]S:w>|two|\n")
        #expect(memo.hits == 1, "head replayed whole, so inner is not even looked at")
        #expect(memo.misses == missesAfterFirst + 1, "foot depends on `.`, which changed")

        // Equal values in new storage still replay (head, and foot whose `.` is equal too).
        let copy: TemplateValue = ["site": "S", "title": "T", "t": ["word": "w"], "items": [["name": "a"], ["name": "b"]]]
        let hitsBefore = memo.hits
        #expect(Self.renderBothWays(library, "page", [copy, ["body": "two"]], memo: memo) == second)
        #expect(memo.hits == hitsBefore + 2)

        // A page's own field hides the shared one: the head renders again (inner, whose values
        // did not change, is replayed inside it).
        let third = Self.renderBothWays(library, "page", [shared, ["body": "two", "title": "Own"]], memo: memo)
        #expect(third == "<Own[a/S][b/S]S:w>|two|\n")

        // A changed list item renders again.
        let changed: TemplateValue = ["site": "S", "title": "T", "t": ["word": "w"], "items": [["name": "a"], ["name": "c"]]]
        #expect(Self.renderBothWays(library, "page", [changed, ["body": "two"]], memo: memo) == "<T[a/S][c/S]S:w>|two|\n")
        #expect(Self.renderBothWays(library, "page", [["site": "S"], ["flag": true]], memo: memo) == "<noneS:>||on\n")
    }

    @Test func partialsThatReachBlocksOrParentsAreNeverReplayed() throws {
        let library = try TemplateLibrary(templates: [
            "layout": "[{{$slot}}default{{/slot}}]{{>uses-block}}",
            "uses-block": "({{$slot}}inner default{{/slot}})",
            "uses-parent": "{{<layout}}{{/layout}}",
            "via-partial": "{{>uses-block}}",
            "plain": "{{x}}",
            "page": "{{<layout}}{{$slot}}{{x}}{{/slot}}{{/layout}}",
        ])
        #expect(library.memoPlan.heads["uses-block"] == nil)
        #expect(library.memoPlan.heads["uses-parent"] == nil)
        #expect(library.memoPlan.heads["via-partial"] == nil)
        #expect(library.memoPlan.heads["plain"]?.map(\.name) == ["x"])
        let memo = PartialMemo()
        // The child's block definition reaches the partial's block tag: it must not be replayed
        // from a page where the definition differed.
        #expect(Self.renderBothWays(library, "page", [["x": "1"]], memo: memo) == "[1](1)")
        #expect(Self.renderBothWays(library, "page", [["x": "2"]], memo: memo) == "[2](2)")
        #expect(memo.hits == 0)
    }

    @Test func indentedPartialsRenderEveryTime() throws {
        let library = try TemplateLibrary(templates: ["page": "<ul>\n  {{>item}}\n</ul>\n{{>item}}\n", "item": "<li>{{x}}</li>\n<li>2</li>\n"])
        let memo = PartialMemo()
        let text = Self.renderBothWays(library, "page", [["x": "1"]], memo: memo)
        #expect(text == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n<li>1</li>\n<li>2</li>\n")
        Self.renderBothWays(library, "page", [["x": "1"]], memo: memo)
        #expect(memo.hits == 1, "only the partial without indentation is replayed")
    }

    // A replay counts the expansions its render made, so a page that repeats a partial stops at
    // the same place with or without the memo.
    @Test func replaysCountTowardsTheExpansionLimit() throws {
        let library = try TemplateLibrary(templates: ["page": "{{#items}}{{>one}}{{/items}}", "one": "{{>two}}", "two": "x"])
        let items = TemplateValue.list(Array(repeating: TemplateValue.object(["n": 1]), count: 60_000))
        let memo = PartialMemo()
        let text = Self.renderBothWays(library, "page", [["items": items]], memo: memo)
        #expect(text.count == TemplateRenderer.maxExpansions / 2)
        #expect(memo.hits > 40_000)
    }
}
