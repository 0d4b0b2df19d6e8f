//! The booklet's worksheet of "Where do we stand?" and its two-month plan page.

extension BookletAnchor {
    static let assessment = "assessment"
    static let plan = "two-month-plan"
}

extension BookletContext {
    /// The statements by group, numbered as on the site, each with its tips (printed with their
    /// pages), the scale's labels and the five rows of the plan; nil without an assessment.
    func assessmentContext() -> TemplateValue? {
        guard let assessment = handbook.assessment else { return nil }
        var number = 0
        let groups: [TemplateValue] = assessment.groups.map { group in
            var fields: TemplateObject = [
                "title": .string(group.title),
                "statements": .list(group.statements.map { statement in
                    number += 1
                    return .object([
                        "number": .int(number), "text": .string(statement.text),
                        "tips": .list(statement.tips.filter { handbook.tip(number: $0) != nil }.map { tip in
                            .object(["number": .int(tip), "anchor": .string(BookletAnchor.tip(tip))])
                        }),
                    ])
                }),
            ]
            if let summary = group.summary { fields["summary"] = .string(summary) }
            return .object(fields)
        }
        var context: TemplateObject = [
            "anchor": .string(BookletAnchor.assessment),
            "plan_anchor": .string(BookletAnchor.plan),
            "groups": .list(groups),
            "scale": .list(Assessment.scale.map { value in
                .object(["value": .int(value), "label": .string(strings["assessment_scale_\(value)"] ?? String(value))])
            }),
            "five": .list((1...5).map { TemplateValue.object(["row": .int($0)]) }),
        ]
        if let intro = assessment.intro { context["intro"] = .string(intro) }
        return .object(context)
    }
}
