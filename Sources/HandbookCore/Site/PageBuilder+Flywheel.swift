//! Template context for the flywheel theme page: the drawn wheel and the tips of each step.

extension PageBuilder {
    /// The slug of the theme whose page shows the wheel.
    static let flywheelTheme = "flywheel"

    /// A step's number, name and link to its tips on the flywheel page.
    func flywheelStep(_ step: Int, root: String) -> TemplateObject {
        ["number": .int(step), "name": .string(handbook.config.flywheelSteps[step - 1]),
         "url": .string(root + SitePaths.theme(Self.flywheelTheme) + "#" + SitePaths.flywheelStepAnchor(step))]
    }

    /// Empty unless the theme is the flywheel and `handbook.yml` names its steps.
    func flywheel(themeAt index: Int, root: String) -> TemplateObject {
        let steps = handbook.config.flywheelSteps
        guard handbook.themes[index].slug == Self.flywheelTheme, !steps.isEmpty else { return [:] }
        var tipsByStep = [[Int]](repeating: [], count: steps.count)
        for (position, tip) in handbook.tips.enumerated() {
            if let step = tip.flywheelStep, step >= 1, step <= steps.count { tipsByStep[step - 1].append(position) }
        }
        let diagram = FlywheelDiagram(
            steps: zip(steps, tipsByStep).map { .init(name: $0, tipCount: $1.count) },
            centerTitle: handbook.themes[index].title,
            centerSubtitle: countLabel(tipsByStep.reduce(0) { $0 + $1.count }),
            title: strings["flywheel_diagram_title"] ?? "The steps of the loyalty flywheel",
            description: (strings["flywheel_diagram_desc"] ?? "A wheel of steps, each leading to the next:") + " "
                + steps.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "; ") + ".",
            stepWord: strings["flywheel_step_word"] ?? "Step",
            countLabel: countLabel,
            anchor: { "#" + SitePaths.flywheelStepAnchor($0) })
        return [
            "is_flywheel": true,
            "flywheel_svg_html": .string(diagram.svg()),
            "flywheel_steps": .list(tipsByStep.enumerated().map { offset, positions in
                .object([
                    "number": .int(offset + 1),
                    "name": .string(steps[offset]),
                    "anchor": .string(SitePaths.flywheelStepAnchor(offset + 1)),
                    "count_label": .string(countLabel(positions.count)),
                    "tips": .list(positions.map { tipSummary(at: $0, root: root) }),
                    "has_tips": .bool(!positions.isEmpty),
                ])
            }),
        ]
    }
}
