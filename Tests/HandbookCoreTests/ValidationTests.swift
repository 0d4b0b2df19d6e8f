//! Every validation error and warning, with its exact wording and file:line:column.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ValidationTests {
    private func problems(_ files: [String: String]) -> [String] {
        ContentFixture(ContentFixture.standard(files)).problems()
    }

    @Test func theStandardFixtureIsClean() {
        #expect(problems([:]) == [])
    }

    @Test func malformedYAMLIsReportedAtTheFileLine() {
        let text = "---\nnumber: 4\ntitle: Broken\nchapter: [1\nthemes: [empathy]\n---\nBody\n"
        let result = problems(["tips/004-broken.md": text])
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("content/tips/004-broken.md:5:7: error: invalid YAML: ") == true)
    }

    @Test func tabsInFrontMatterGetAHint() {
        let text = "---\nnumber: 4\n\ttitle: Tab\n---\nBody\n"
        let result = problems(["tips/004-tab.md": text])
        #expect(result.first?.contains("content/tips/004-tab.md:3:") == true)
        #expect(result.first?.contains("hint: YAML indents with spaces") == true)
    }

    @Test func missingAndWronglyTypedFields() {
        let text = "---\nnumber: four\ntitle: [a, b]\nthemes: [empathy]\nrelated: [1]\n---\nBody\n"
        #expect(problems(["tips/004-x.md": text]) == [
            "content/tips/004-x.md:2:1: error: missing required field 'chapter'\n    hint: add a line 'chapter: 3' to the front matter",
            "content/tips/004-x.md:2:9: error: 'number' must be a whole number, found 'four'\n    hint: write it as digits, for example 'number: 12'",
            "content/tips/004-x.md:3:8: error: 'title' must be text, found a list\n    hint: write it as 'title: Fix the problem first'",
        ])
    }

    @Test func unknownKeyGetsADidYouMean() {
        let text = ContentFixture.tip(4, related: "[1]", extra: "theme: [empathy]\n")
        #expect(problems(["tips/004-x.md": text]) == [
            "content/tips/004-x.md:8:1: error: unknown key 'theme'\n    hint: did you mean 'themes'?",
        ])
    }

    @Test func duplicateKeyIsAnError() {
        let text = "---\nnumber: 4\ntitle: A\ntitle: B\nchapter: 1\nthemes: [empathy]\nrelated: [1]\n---\nBody\n"
        let result = problems(["tips/004-x.md": text])
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("content/tips/004-x.md:") == true)
        #expect(result.first?.contains("duplicate key") == true)
    }

    @Test func duplicateTipNumbersNameTheFirstFile() {
        #expect(problems(["tips/009-copy.md": ContentFixture.tip(2, related: "[1]")]) == [
            "content/tips/009-copy.md:2:1: error: tip number 2 is already used by content/tips/002-two.md\n    hint: give this tip the next free number (handbook new tip picks one)",
        ])
    }

    @Test func duplicateChapterNumbers() {
        let result = problems(["chapters/03-again.md": ContentFixture.chapter(2, title: "Again")])
        #expect(result == [
            "content/chapters/03-again.md:2:1: error: chapter number 2 is already used by content/chapters/02-second.md\n    hint: give each chapter its own number",
        ])
    }

    @Test func unknownChapter() {
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, chapter: 7, related: "[1]")]) == [
            "content/tips/004-x.md:4:10: error: tip 4 names chapter 7, which does not exist\n    hint: chapters are 1, 2",
        ])
    }

    @Test func unknownThemeSuggestsTheNearestSlug() {
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, themes: "[empathy, never normal, empaty, quality]", related: "[1]")]) == [
            "content/tips/004-x.md:5:19: error: unknown theme 'never normal'\n    hint: did you mean 'never-normal'?",
            "content/tips/004-x.md:5:33: error: unknown theme 'empaty'\n    hint: did you mean 'empathy'?",
            "content/tips/004-x.md:5:41: error: unknown theme 'quality'\n    hint: declared themes are leadership, empathy, flywheel, never-normal",
        ])
    }

    @Test func relatedToAMissingTipOrToItself() {
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, related: "[1, 4, 99]")]) == [
            "content/tips/004-x.md:6:14: error: tip 4 lists itself as related\n    hint: remove 4 from 'related'",
            "content/tips/004-x.md:6:17: error: related tip 99 does not exist\n    hint: tips are numbered 1 to 4",
        ])
    }

    @Test func aHandbookWithoutHowYoullKnowLinesIsNotWarned() {
        let plain = "Advice.\n\n**Try this:** x."
        #expect(problems(["tips/001-one.md": ContentFixture.tip(1, related: "[2]", body: plain),
                          "tips/002-two.md": ContentFixture.tip(2, related: "[1, 3]", body: plain),
                          "tips/003-three.md": ContentFixture.tip(3, related: "[1]", body: plain)]) == [])
    }

    @Test func aTipWithoutHowYoullKnowIsAWarningAtItsText() {
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: "Advice.\n\n**Try this:** x.")]) == [
            "content/tips/004-x.md:9:1: warning: tip 4 has no \"How you'll know\" line\n    hint: end the tip with a paragraph that "
                + "starts with **How you'll know:** and names one signal that shows the tip worked, and when to look",
        ])
    }

    @Test func brokenCrossReferencesPointAtTheLinkLine() {
        let body = "First paragraph.\n\nSee [this](tip:42), [](chapter:9)\nand [x](theme:empaty).\n\n**Try this:** x.\n\n**How you'll know:** y."
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: body)]) == [
            "content/tips/004-x.md:11:5: error: link to tip 42, which does not exist\n    hint: tips are numbered 1 to 4",
            "content/tips/004-x.md:11:21: error: link to chapter '9', which does not exist\n    hint: chapters are 1, 2",
            "content/tips/004-x.md:12:5: error: link to theme 'empaty', which is not declared\n    hint: did you mean 'empathy'?",
        ])
    }

    @Test func relativeMarkdownLinksMustExist() {
        let body = "See [one](001-one.md) and [gone](../tips/404-gone.md).\n\n**Try this:** x.\n\n**How you'll know:** y."
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: body)]) == [
            "content/tips/004-x.md:9:27: error: link to '../tips/404-gone.md', which is not a tip or chapter of this handbook\n    hint: check the file name, or link with tip:N / chapter:N",
        ])
    }

    @Test func emptyBodyIsAnError() {
        let text = "---\nnumber: 4\ntitle: A\nchapter: 1\nthemes: [empathy]\nrelated: [1]\n---\n\n  \n"
        #expect(problems(["tips/004-x.md": text]) == [
            "content/tips/004-x.md:7:1: error: the tip has no text after its front matter\n    hint: write the tip's Markdown below the closing '---'",
        ])
    }

    @Test func notUTF8IsAnError() {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write(Data(Array("---\nnumber: 4\ntitle: Caf".utf8) + [0xE9, 0x0A]), to: "content/tips/004-x.md")
        #expect(fixture.problems() == [
            "content/tips/004-x.md:3:11: error: file is not valid UTF-8 text\n    hint: save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252)",
        ])
    }

    @Test func warningsForNoRelatedTipsAndEmptyThemes() {
        let result = problems(["tips/004-x.md": ContentFixture.tip(4, themes: "[empathy]")])
        #expect(result.contains("content/tips/004-x.md:2:1: warning: tip 4 has no related tips\n    hint: add 'related: [N, M]' with two or three tips a reader should see next"))
    }

    @Test func themeWithoutTipsIsAWarning() {
        let config = ContentFixture.config.replacingOccurrences(
            of: "  - slug: never-normal\n", with: "  - slug: quiet\n    title: Quiet\n  - slug: never-normal\n")
        let result = problems(["handbook.yml": config])
        #expect(result == [
            "content/handbook.yml:13:5: warning: theme 'quiet' has no tips\n    hint: add 'themes: [quiet]' to a tip, or remove the theme",
        ])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let result = problems([
            "tips/004-a.md": ContentFixture.tip(4, chapter: 8, related: "[1]"),
            "tips/005-b.md": ContentFixture.tip(5, themes: "[empathyy]", related: "[1]"),
            "tips/006-c.md": "no front matter\n",
        ])
        #expect(result.count == 3)
        #expect(result.map { $0.prefix(while: { $0 != ":" }) } == ["content/tips/004-a.md", "content/tips/005-b.md", "content/tips/006-c.md"])
    }

    @Test func draftsAreLeftOutUnlessAskedFor() {
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-d.md": ContentFixture.tip(4, related: "[1]", extra: "draft: true\n")]))
        #expect(fixture.validate().0?.tips.count == 3)
        #expect(fixture.validate(drafts: true).0?.tips.count == 4)
    }

    /// A link to a draft says why it fails, as `related` does, not that the tip does not exist.
    @Test func aLinkToALeftOutDraftSaysSo() {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-d.md": ContentFixture.tip(4, extra: "draft: true\n"),
            "tips/005-e.md": ContentFixture.tip(5, related: "[1]", body: "Read [](tip:4) first.\n\n**Try this:** x.\n\n**How you'll know:** y."),
        ]))
        #expect(fixture.problems() == [
            "content/tips/005-e.md:9:6: error: link to tip 4, a draft left out of this build\n"
                + "    hint: publish tip 4, build with --drafts, or remove the link",
        ])
    }

    @Test func missingContentFolder() {
        let files = ContentLoader.load(root: UserPath(url: URL(fileURLWithPath: "/nonexistent/handbook"), shown: "nope"))
        #expect(files.diagnostics.map(\.description) == [
            "error: content folder 'nope' does not exist\n    hint: run from the handbook's folder, or pass --content PATH",
        ])
    }

    @Test func badConfigValues() {
        let config = "title: T\nthemes:\n  - slug: Bad Slug\n    title: B\n  - slug: ok\n    titel: O\nbase_url: intranet/handbook\n"
        let result = ContentFixture(["handbook.yml": config]).problems()
        #expect(result.contains { $0.hasPrefix("content/handbook.yml:3:11: error: theme slug 'Bad Slug' may contain only") })
        #expect(result.contains("content/handbook.yml:6:5: error: unknown key 'titel'\n    hint: did you mean 'title'?"))
        #expect(result.contains { $0.hasPrefix("content/handbook.yml:7:1: error: 'base_url' must be an absolute http(s) URL") })
    }

    @Test func aKeyRepeatedInAThemeIsReportedWhereItIsRepeated() {
        let config = "title: T\nthemes:\n  - slug: one\n    title: One\n    slug: two\ntitle: Again\n"
        let result = ContentFixture(["handbook.yml": config]).problems()
        #expect(result.contains("content/handbook.yml:5:5: error: duplicate key 'slug'\n    hint: keep one 'slug:' line and delete the other"))
        #expect(result.contains("content/handbook.yml:6:1: error: duplicate key 'title'\n    hint: keep one 'title:' line and delete the other"))
    }
}
