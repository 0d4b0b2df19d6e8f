//! Template context for the flywheel theme page: the drawn wheel and the tips of each step.

extension PageBuilder {
    /// The slug of the theme whose page shows the wheel.
    static let flywheelTheme = "flywheel"

    /// Empty unless the theme is the flywheel and `handbook.yml` names its steps.
    func flywheel(themeAt index: Int, root: String) -> [String: Any] {
        let steps = handbook.config.flywheelSteps
        guard handbook.themes[index].slug == Self.flywheelTheme, !steps.isEmpty else { return [:] }
        let tipsByStep = (1...steps.count).map { step in handbook.tips.filter { $0.flywheelStep == step } }
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
            "flywheel_svg_html": diagram.svg(),
            "flywheel_steps": tipsByStep.enumerated().map { offset, tips -> [String: Any] in
                [
                    "number": offset + 1,
                    "name": steps[offset],
                    "anchor": SitePaths.flywheelStepAnchor(offset + 1),
                    "count_label": countLabel(tips.count),
                    "tips": tips.map { tipSummary($0, root: root) },
                    "has_tips": !tips.isEmpty,
                ]
            },
        ]
    }
}
