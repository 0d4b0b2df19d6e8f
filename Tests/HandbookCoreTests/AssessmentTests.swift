//! The self-assessment: content/assessment.yml decoded and checked, every problem located, a
//! translation's words laid over it, and the page it becomes.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct AssessmentTests {
    static let valid = """
        intro: Rate each statement.
        groups:
          - id: rough
            title: The rough diamond
            summary: Seeing the gap.
            statements:
              - id: fix-first
                text: We fix the problem before we look for the cause.
                tips: [1, 2]
              - id: ask
                text: We ask customers <how> we are doing.
                tips: [3]
          - id: clear
            title: The clear diamond
            statements:
              - id: stand
                text: We know what we stand for.
                tips: [2, 1]

        """

    private func problems(_ files: [String: String]) -> [String] {
        ContentFixture(ContentFixture.standard(files)).problems()
    }

    @Test func aValidAssessmentIsReadInOrder() throws {
        let (handbook, diagnostics) = ContentFixture(ContentFixture.standard(["assessment.yml": Self.valid])).validate()
        #expect(diagnostics.isEmpty)
        let assessment = try #require(handbook?.assessment)
        #expect(assessment.intro == "Rate each statement.")
        #expect(assessment.groups.map(\.id) == ["rough", "clear"])
        #expect(assessment.statements.map(\.id) == ["fix-first", "ask", "stand"])
        #expect(assessment.statements.map(\.tips) == [[1, 2], [3], [2, 1]])
        #expect(assessment.groups[0].summary == "Seeing the gap.")
        #expect(assessment.source == "content/assessment.yml")
    }

    @Test func noFileMeansNoAssessmentAndNoPage() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        #expect(fixture.validate().0?.assessment == nil)
        let pages = try fixture.pages()
        #expect(pages[SitePaths.assessment] == nil)
        #expect(pages["index.html"]?.contains(SitePaths.assessment) == false)
    }

    @Test func everyProblemOfABrokenFileIsLocatedInOneRun() {
        let broken = """
            intro: Rate each statement.
            colour: blue
            groups:
              - id: rough
                title: The rough diamond
                statements:
                  - id: fix-first
                    text: We fix the problem first.
                    tips: [1, 2, 99]
                  - id: no-tips
                    text: A statement without tips.
                  - id: fix-first
                    text: The same id again.
                    tips: [2]
                  - id: ask
                    text: We ask customers.
                    tip: [3]
              - id: empty
                title: Nothing in it
                statements: []
              - id: Wrong Id
                title: Bad id
                statements:
                  - id: fine
                    text: Fine.
                    tips: [1]

            """
        #expect(problems(["assessment.yml": broken]) == [
            "content/assessment.yml:2:1: error: unknown key 'colour'\n    hint: allowed keys are intro, groups",
            "content/assessment.yml:9:22: error: statement 'fix-first' names tip 99, which does not exist\n    hint: tips are numbered 1 to 3",
            "content/assessment.yml:10:13: error: statement 'no-tips' points to no tips\n    hint: add 'tips: [N, M]' with the two to four tips that help most when it scores low",
            "content/assessment.yml:12:13: error: id 'fix-first' is already used at line 7\n    hint: give every group and statement its own id",
            "content/assessment.yml:15:13: error: statement 'ask' points to no tips\n    hint: add 'tips: [N, M]' with the two to four tips that help most when it scores low",
            "content/assessment.yml:17:9: error: unknown key 'tip'\n    hint: did you mean 'tips'?",
            "content/assessment.yml:20:17: error: group 'empty' has no statements\n    hint: add '- id: …', 'text: …' and 'tips: [N, M]' under 'statements:'",
            "content/assessment.yml:21:9: error: group id 'Wrong Id' may contain only lowercase letters, digits and '-'\n    hint: for example 'fix-first'",
        ])
    }

    @Test func unknownAndDraftTipsAreLocated() {
        let text = Self.valid.replacingOccurrences(of: "tips: [3]", with: "tips: [3, 40, 4]")
            .replacingOccurrences(of: "tips: [2, 1]", with: "tips: [2, 2]")
        let draft = ContentFixture.tip(4, title: "Draft", related: "[1]", extra: "draft: true\n")
        #expect(problems(["assessment.yml": text, "tips/004-draft.md": draft]) == [
            "content/assessment.yml:12:19: error: statement 'ask' names tip 40, which does not exist\n    hint: tips are numbered 1 to 3",
            "content/assessment.yml:12:23: error: tip 4 of statement 'ask' is a draft and is left out of this build\n    hint: publish tip 4, build with --drafts, or name another tip",
            "content/assessment.yml:18:19: warning: tip 2 is listed twice in statement 'stand'",
        ])
    }

    @Test func aGroupWithoutStatementsAndBadYAML() {
        #expect(problems(["assessment.yml": "groups:\n  - id: lone\n    title: Lone\n"]) == [
            "content/assessment.yml:2:9: error: group 'lone' has no statements\n    hint: add 'statements:' with at least one statement",
        ])
        #expect(problems(["assessment.yml": "intro: x\n"]) == [
            "content/assessment.yml:1:1: error: missing required field 'groups'\n    hint: list the groups, each with 'id:', 'title:' and 'statements:'",
        ])
        let tabbed = problems(["assessment.yml": "groups:\n\t- id: x\n"])
        #expect(tabbed.count == 1 && tabbed[0].hasPrefix("content/assessment.yml:2:"))
    }

    @Test func aTranslationLaysItsWordsOverTheOriginalByID() throws {
        var files = ContentFixture.standard(["assessment.yml": Self.valid])
        files["nl/handbook.yml"] = TranslationTests.dutchConfig
        files["nl/assessment.yml"] = """
            groups:
              - id: rough
                title: De ruwe diamant
                statements:
                  - id: fix-first
                    text: We lossen het probleem eerst op.

            """
        let (handbook, diagnostics) = ContentFixture(files).validate()
        let located = diagnostics.map(\.description).filter { $0.contains("assessment.yml") }
        #expect(located.isEmpty)
        let dutch = try #require(handbook?.translations.first?.assessment)
        #expect(dutch.groups.map(\.title) == ["De ruwe diamant", "The clear diamond"])
        #expect(dutch.groups.map(\.textLanguage) == [nil, "en"])
        #expect(dutch.statements.map(\.text) == ["We lossen het probleem eerst op.", "We ask customers <how> we are doing.",
                                                 "We know what we stand for."])
        #expect(dutch.statements.map(\.textLanguage) == [nil, "en", "en"])
        #expect(dutch.statements.map(\.tips) == [[1, 2], [3], [2, 1]])

        files["nl/assessment.yml"] = "groups:\n  - id: rogh\n    title: Ruw\n    statements:\n      - id: fix-first\n        text: Eerst.\n        tips: [1]\n"
        #expect(ContentFixture(files).problems().filter { $0.contains("assessment.yml") } == [
            "content/nl/assessment.yml:2:9: error: 'rogh' is not a group or statement of the original assessment\n    hint: did you mean 'rough'?",
            "content/nl/assessment.yml:7:9: error: unknown key 'tips'\n    hint: allowed keys are id, text",
        ])
    }

    @Test func aTranslationWithoutAnOriginalIsReported() {
        var files = ContentFixture.standard()
        files["nl/handbook.yml"] = TranslationTests.dutchConfig
        files["nl/assessment.yml"] = "groups:\n  - id: rough\n    title: Ruw\n"
        #expect(ContentFixture(files).problems().filter { $0.contains("assessment.yml") } == [
            "content/nl/assessment.yml: warning: the original has no assessment.yml, so this translation of it is not used\n    hint: add the original's file, or remove this one",
        ])
    }

    @Test func thePageListsEveryStatementWithItsScaleAndTips() throws {
        let pages = try ContentFixture(ContentFixture.standard(["assessment.yml": Self.valid])).pages()
        let page = try #require(pages[SitePaths.assessment])
        #expect(page.contains("<h1>Where do we stand?</h1>"))
        #expect(page.contains("We ask customers &lt;how&gt; we are doing."))
        #expect(page.contains(#"data-statement="fix-first" data-tips="1 2""#))
        #expect(page.components(separatedBy: #"type="radio" name="ask""#).count == 6)
        #expect(page.contains(#"<li data-tip="3" data-chapter="2"><a href="tips/003-three.html">Three</a></li>"#))
        #expect(page.contains(#"<script src="assets/assessment.js" defer></script>"#))
        #expect(pages["index.html"]?.contains(#"href="where-do-we-stand.html""#) == true)
        #expect(pages["tips/001-one.html"]?.contains(#"href="../where-do-we-stand.html""#) == true)
        #expect(pages[SitePaths.myFive]?.contains(#"href="where-do-we-stand.html">Take the assessment"#) == true)
    }

    @Test func theRealAssessmentPointsEachStatementToTwoToFourTips() throws {
        let files = ContentLoader.load(root: UserPath(url: packageRoot.appendingPathComponent("content"), shown: "content"))
        let (handbook, diagnostics) = HandbookValidator.validate(files)
        #expect(!diagnostics.hasErrors)
        let assessment = try #require(handbook?.assessment)
        #expect((18...24).contains(assessment.statements.count))
        for statement in assessment.statements { #expect((2...4).contains(statement.tips.count), "\(statement.id)") }
        #expect(assessment.groups.map(\.id) == ["rough", "clear", "cut", "never-normal"])
    }
}

@Suite struct AssessmentBookletTests {
    @Test func theBookletHasTheWorksheetAndThePlan() throws {
        let fixture = ContentFixture(ContentFixture.standard(["assessment.yml": AssessmentTests.valid]))
        let html = try #require(try SiteBuilder.prepare(fixture.options, booklet: true).bookletHTML())
        #expect(html.contains(#"<section class="worksheet" id="assessment">"#))
        #expect(html.contains(##"<li class="toc-entry toc-extra"><a href="#assessment"><span class="toc-title">Where do we stand?</span></a></li>"##))
        #expect(html.contains(#"<span class="ws-number">2</span> We ask customers &lt;how&gt; we are doing."#))
        #expect(html.contains(##"<a class="ws-tip" href="#tip-1" data-page-word="p.">1</a><a class="ws-tip" href="#tip-2" data-page-word="p.">2</a>"##))
        // Three statements, five boxes each.
        #expect(html.components(separatedBy: #"<span class="box""#).count - 1 == 15)
        #expect(html.contains("How to score."))
        #expect(html.contains(#"<section class="plan" id="two-month-plan">"#))
        #expect(html.components(separatedBy: #"<td class="plan-row">"#).count - 1 == 5)
        #expect(html.contains("What do we drop?"))

        let plain = ContentFixture(ContentFixture.standard())
        let without = try #require(try SiteBuilder.prepare(plain.options, booklet: true).bookletHTML())
        #expect(!without.contains(#"<section class="worksheet""#) && !without.contains(#"id="two-month-plan""#))
    }
}
