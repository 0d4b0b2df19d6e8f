//! `Tip` and `RenderedMarkdown` share one box of fields between copies; a change to a copy
//! must not reach the others.

import Testing
@testable import HandbookCore

@Suite struct TipValueTests {
    static func sample() -> Tip {
        Tip(number: 7, title: "Listen first", chapter: 2, themes: ["empathy"], related: [3], summary: "Hear them out.",
            flywheelStep: 2, body: "Body.\n", source: MarkdownSource(file: "tips/007-listen.md", firstLine: 9),
            slug: "007-listen")
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.sample()
        var copy = original
        copy.title = "Listen twice"
        copy.themes.append("leadership")
        copy.summary = nil
        copy.number = 8
        #expect(original.title == "Listen first" && original.themes == ["empathy"] && original.summary == "Hear them out.")
        #expect(original.number == 7)
        #expect(copy.title == "Listen twice" && copy.themes == ["empathy", "leadership"] && copy.summary == nil)
        #expect(copy.number == 8 && copy.slug == "007-listen" && copy.source.firstLine == 9)
    }

    @Test func tipsInACopiedArrayChangeApart() {
        let tips = [Self.sample(), Self.sample()]
        var changed = tips
        changed[1].related = [1, 2]
        changed[1].draft = true
        #expect(tips[1].related == [3] && !tips[1].draft)
        #expect(changed[1].related == [1, 2] && changed[1].draft)
        #expect(changed[0].related == [3])
    }

    @Test func aChangedRenderedBodyLeavesItsCopiesAsTheyWere() {
        let original = RenderedMarkdown(html: Array("<p>a</p>".utf8), tipReferences: [2], headings: [], plainText: "a", tryThis: nil)
        var copy = original
        copy.html = "<p>b</p>"
        copy.tipReferences.append(3)
        copy.tryThis = "do it"
        #expect(original.html == "<p>a</p>" && original.tipReferences == [2] && original.tryThis == nil)
        #expect(copy.html == "<p>b</p>" && copy.tipReferences == [2, 3] && copy.tryThis == "do it" && copy.plainText == "a")
    }
}
