//! The handbook's own promises, so that a later edit cannot quietly break them.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct RealContentTests {
    let handbook: Handbook
    let content: RenderedContent

    init() throws {
        let files = ContentLoader.load(root: UserPath(url: packageRoot.appendingPathComponent("content"), shown: "content"))
        let (validated, diagnostics) = HandbookValidator.validate(files)
        #expect(diagnostics == [], "\(diagnostics)")
        handbook = try #require(validated)
        let (rendered, problems) = ContentRenderer.renderForSite(handbook)
        #expect(problems == [])
        content = rendered
    }

    @Test func atLeastAHundredTipsNumberedWithoutGaps() {
        #expect(handbook.tips.count >= 100)
        #expect(handbook.tips.map(\.number) == Array(1...handbook.tips.count))
    }

    @Test func everyThemeHasAtLeastTwentyTips() {
        #expect(handbook.themes.map(\.slug) == ["leadership", "empathy", "flywheel", "never-normal"])
        for theme in handbook.themes {
            #expect((handbook.tipsByTheme[theme.slug]?.count ?? 0) >= 20, "theme \(theme.slug)")
        }
    }

    @Test func everyTipHasASummaryTryThisAndTwoOrThreeRelated() {
        for (index, tip) in handbook.tips.enumerated() {
            #expect(tip.summary?.isEmpty == false, "tip \(tip.number) has no summary")
            #expect(content.tips[index].tryThis?.isEmpty == false, "tip \(tip.number) has no 'Try this:' line")
            #expect(content.tips[index].howYoullKnow?.isEmpty == false, "tip \(tip.number) has no 'How you'll know:' line")
            #expect((2...3).contains(tip.related.count), "tip \(tip.number) has \(tip.related.count) related tips")
            #expect((1...3).contains(tip.themes.count), "tip \(tip.number) has \(tip.themes.count) themes")
        }
    }

    // Lengths follow the idea (issue 24: about 120 to 350 words of text), plus the closing
    // "Try this" and "How you'll know" lines.
    @Test func tipsAreOneHundredToFourHundredTwentyWords() {
        for (index, tip) in handbook.tips.enumerated() {
            let words = content.tips[index].plainText.split(whereSeparator: \.isWhitespace).count
            #expect((100...420).contains(words), "tip \(tip.number) has \(words) words")
        }
    }

    @Test func flywheelTipsCoverAllSixSteps() {
        #expect(handbook.config.flywheelSteps.count == 6)
        let steps = Set(handbook.tips(withTheme: "flywheel").compactMap(\.flywheelStep))
        #expect(steps == Set(1...6))
        for tip in handbook.tips(withTheme: "flywheel") {
            #expect(tip.flywheelStep != nil, "flywheel tip \(tip.number) has no flywheel_step")
        }
    }

    @Test func atLeastThirtyCrossReferences() {
        let references = content.tips.reduce(0) { $0 + $1.tipReferences.count }
        #expect(references >= 30)
    }

    @Test func chaptersHaveIntroductionsAndParts() {
        #expect(handbook.chapters.count >= 8)
        for (index, chapter) in handbook.chapters.enumerated() {
            #expect(chapter.part != nil, "chapter \(chapter.number) has no part")
            let words = content.chapters[index].plainText.split(whereSeparator: \.isWhitespace).count
            // The reference chapters (the pyramid, measuring, the sources) run longer.
            #expect((150...1200).contains(words), "chapter \(chapter.number) has \(words) words")
        }
    }

    @Test func noTwoTipsShareATitle() {
        let titles = handbook.tips.map { $0.title.lowercased() }
        #expect(Set(titles).count == titles.count)
    }
}
