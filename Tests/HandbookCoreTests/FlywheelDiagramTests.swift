//! The flywheel picture: an accessible SVG wheel drawn from handbook.yml and the tips' steps.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FlywheelDiagramTests {
    private static func realSite() throws -> (files: [String: String], handbook: Handbook) {
        let prepared = try SiteBuilder.prepare(BuildOptions(
            content: packageRoot.appendingPathComponent("Tests/Fixtures/handbook").path,
            theme: packageRoot.appendingPathComponent("themes/default").path, output: "/nonexistent"))
        let sink = MemorySink()
        try SiteBuilder.write(prepared, into: sink)
        return (sink.files, prepared.handbook)
    }

    private static func svg(in html: String) throws -> String {
        let start = try #require(html.range(of: "<svg class=\"flywheel-diagram\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func theFlywheelPageShowsSixLabelledStepsThatLinkToTheirTips() throws {
        let (files, handbook) = try Self.realSite()
        let html = try #require(files["themes/flywheel.html"])
        let svg = try Self.svg(in: html)
        #expect(svg.contains("\" aria-labelledby=\"flywheel-title\" aria-describedby=\"flywheel-desc\""))
        #expect(!svg.contains("role=\"group\""), "the Nu checker does not allow role=group on <svg>")
        #expect(svg.contains("<title id=\"flywheel-title\">The six steps of the loyalty flywheel</title>"))
        #expect(svg.contains("<desc id=\"flywheel-desc\">"))

        let steps = handbook.config.flywheelSteps
        #expect(steps.count == 6)
        let links = Self.matches(#"<a class="flywheel-step [^"]*" href="([^"]*)""#, in: svg)
        #expect(links == (1...6).map { "#flywheel-step-\($0)" })
        let labels = Self.matches(#"aria-label="([^"]*)""#, in: svg)
        for (offset, name) in steps.enumerated() {
            let count = handbook.tips.filter { $0.flywheelStep == offset + 1 }.count
            let label = "Step \(offset + 1): \(HTMLEscape.escape(name)), \(count) tip\(count == 1 ? "" : "s")"
            #expect(labels.contains(label), "no accessible name '\(label)'")
            // The visible label: the name's words in <tspan>s, then the count.
            for word in name.split(separator: " ") { #expect(svg.contains(HTMLEscape.escape(String(word)))) }
            // The link's target: a list of exactly that step's tips, each a page of the site.
            let section = try #require(html.range(of: "id=\"flywheel-step-\(offset + 1)\""))
            let rest = html[section.upperBound...]
            let listed = Self.matches(#"<a class="tip-link" href="\.\./([^"]*)""#,
                                      in: String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]))
            let expected = handbook.tips.filter { $0.flywheelStep == offset + 1 }.map(SitePaths.tip)
            #expect(listed == expected)
            for path in listed { #expect(files[path] != nil, "\(path) is not a page") }
        }
    }

    @Test func otherThemePagesHaveNoWheel() throws {
        let files = try Self.realSite().files
        for slug in ["leadership", "empathy", "never-normal"] {
            #expect(files["themes/\(slug).html"]?.contains("<svg") == false)
        }
    }

    @Test func tipPagesLinkToTheirStepOnTheWheelPage() throws {
        let (files, handbook) = try Self.realSite()
        let tip = try #require(handbook.tips.first { $0.flywheelStep == 3 })
        #expect(files[SitePaths.tip(tip)]?.contains("href=\"../themes/flywheel.html#flywheel-step-3\"") == true)
    }

    @Test func theDiagramFollowsTheDataAndEscapesIt() {
        let diagram = FlywheelDiagram(
            steps: [.init(name: "Ease & <speed>", tipCount: 1), .init(name: "Two", tipCount: 0),
                    .init(name: "Three", tipCount: 2), .init(name: "Four", tipCount: 5)],
            centerTitle: "Wheel", centerSubtitle: "8 tips", title: "T", description: "D", stepWord: "Step",
            countLabel: { "\($0) tips" }, anchor: { "#s\($0)" })
        let svg = diagram.svg()
        #expect(Self.matches(#"href="([^"]*)""#, in: svg) == ["#s1", "#s2", "#s3", "#s4"])
        #expect(svg.contains("Ease &amp; &lt;speed&gt;"))
        #expect(!svg.contains("<speed>"))
        #expect(svg.components(separatedBy: "<path class=\"flywheel-segment\"").count == 5)
    }

    @Test func labelsWrapAtWordBoundaries() {
        #expect(FlywheelDiagram.wrap("Treat every customer as a segment of one", width: 22)
                == ["Treat every customer", "as a segment of one"])
        #expect(FlywheelDiagram.wrap("Ease", width: 22) == ["Ease"])
        #expect(FlywheelDiagram.wrap("Supercalifragilisticexpialidocious now", width: 10)
                == ["Supercalifragilisticexpialidocious", "now"])
    }
}
