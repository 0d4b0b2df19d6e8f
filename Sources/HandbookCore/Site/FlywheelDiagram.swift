//! The loyalty flywheel as an inline SVG wheel, drawn from the steps in `handbook.yml` and the tips that name one.

import FoundationEssentials
import Glibc

/// Arrow segments clockwise from the top, each with its label one link to the step's tips, with an
/// accessible name. Colours come from the stylesheet (`.flywheel-*`), so light and dark mode both work.
struct FlywheelDiagram {
    struct Step {
        var name: String
        var tipCount: Int
    }

    var steps: [Step]
    /// Short text for the middle of the wheel ("Flywheel", "35 tips").
    var centerTitle: String
    var centerSubtitle: String
    /// The SVG's `<title>` and `<desc>`.
    var title: String
    var description: String
    /// "Step", before each step's number in accessible names.
    var stepWord: String
    /// "6 tips" for a count.
    var countLabel: (Int) -> String
    /// Fragment link for a step number (1-based), e.g. `#flywheel-step-1`.
    var anchor: (Int) -> String

    static let width = 800.0
    static let height = 430.0
    private let center = (x: 400.0, y: 215.0)
    private let outer = 165.0
    private let inner = 92.0
    private let labelRadius = 186.0
    private let labelLineHeight = 19.0
    private let labelWidth = 22

    func svg() -> String {
        let escape = HTMLEscape.escape
        var svg = "<svg class=\"flywheel-diagram\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "aria-labelledby=\"flywheel-title\" aria-describedby=\"flywheel-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"flywheel-title\">\(escape(title))</title>\n"
        svg += "<desc id=\"flywheel-desc\">\(escape(description))</desc>\n"
        svg += "<circle class=\"flywheel-hub\" cx=\"\(format(center.x))\" cy=\"\(format(center.y))\" r=\"\(format(inner - 8))\"/>\n"
        svg += "<text class=\"flywheel-center\" x=\"\(format(center.x))\" y=\"\(format(center.y - 4))\" text-anchor=\"middle\">"
            + "\(escape(centerTitle))</text>\n"
        svg += "<text class=\"flywheel-center-sub\" x=\"\(format(center.x))\" y=\"\(format(center.y + 18))\" text-anchor=\"middle\">"
            + "\(escape(centerSubtitle))</text>\n"
        for (index, step) in steps.enumerated() {
            svg += segment(index, step)
        }
        svg += "</svg>"
        return svg
    }

    private func segment(_ index: Int, _ step: Step) -> String {
        let escape = HTMLEscape.escape
        let number = index + 1
        let slice = 360.0 / Double(steps.count)
        let start = -90.0 + slice * Double(index)
        let end = start + slice
        let middle = (start + end) / 2
        let name = "\(stepWord) \(number): \(step.name), \(countLabel(step.tipCount))"
        var group = "<a class=\"flywheel-step flywheel-step-\((index % 6) + 1)\" href=\"\(escape(anchor(number)))\" "
            + "aria-label=\"\(escape(name))\">\n<title>\(escape(name))</title>\n"
        group += "<path class=\"flywheel-segment\" d=\"\(arrowPath(from: start, to: end))\"/>\n"
        let numberPoint = point(middle, (outer + inner) / 2)
        group += "<text class=\"flywheel-number\" x=\"\(format(numberPoint.x))\" y=\"\(format(numberPoint.y + 9))\" "
            + "text-anchor=\"middle\" aria-hidden=\"true\">\(number)</text>\n"
        group += label(step, angle: middle)
        group += "</a>\n"
        return group
    }

    /// A ring sector with an arrow point ahead and a notch behind for the point of the segment before.
    private func arrowPath(from start: Double, to end: Double) -> String {
        let tip = 7.0, gap = 1.2
        let middleRadius = (outer + inner) / 2
        let a0 = start + gap, a1 = end - gap
        let p1 = point(a0, outer), p2 = point(a1, outer), p3 = point(a1 + tip, middleRadius), p4 = point(a1, inner)
        let p5 = point(a0, inner), p6 = point(a0 + tip, middleRadius)
        return "M\(format(p1.x)) \(format(p1.y))"
            + " A\(format(outer)) \(format(outer)) 0 0 1 \(format(p2.x)) \(format(p2.y))"
            + " L\(format(p3.x)) \(format(p3.y)) L\(format(p4.x)) \(format(p4.y))"
            + " A\(format(inner)) \(format(inner)) 0 0 0 \(format(p5.x)) \(format(p5.y))"
            + " L\(format(p6.x)) \(format(p6.y)) Z"
    }

    /// The step's name outside the wheel, wrapped, on the side the segment faces.
    private func label(_ step: Step, angle: Double) -> String {
        let escape = HTMLEscape.escape
        let anchorPoint = point(angle, labelRadius)
        let cosine = cos(angle * .pi / 180)
        let textAnchor = abs(cosine) < 0.2 ? "middle" : (cosine > 0 ? "start" : "end")
        let x = anchorPoint.x + (textAnchor == "start" ? 8 : textAnchor == "end" ? -8 : 0)
        let lines = Self.wrap(step.name, width: labelWidth)
        let total = Double(lines.count) * labelLineHeight + 16
        var y = anchorPoint.y - total / 2 + labelLineHeight - 4
        var text = "<text class=\"flywheel-label\" text-anchor=\"\(textAnchor)\">"
        for line in lines {
            text += "<tspan x=\"\(format(x))\" y=\"\(format(y))\">\(escape(line))</tspan>"
            y += labelLineHeight
        }
        text += "<tspan class=\"flywheel-count\" x=\"\(format(x))\" y=\"\(format(y))\">\(escape(countLabel(step.tipCount)))</tspan>"
        return text + "</text>\n"
    }

    private func point(_ degrees: Double, _ radius: Double) -> (x: Double, y: Double) {
        let radians = degrees * .pi / 180
        return (center.x + radius * cos(radians), center.y + radius * sin(radians))
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Greedy word wrap to lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
