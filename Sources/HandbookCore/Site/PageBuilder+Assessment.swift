//! Template context of "Where do we stand?", the self-assessment page.

extension PageBuilder {
    /// The statements by group, the scale, and each tip a statement names with its chapter, for the script's starter five.
    func assessment(root: String) -> TemplateObject {
        guard let assessment = handbook.assessment else { return [:] }
        let scale = Assessment.scale.map { value -> TemplateValue in
            .object(["value": .int(value), "label": .string(strings["assessment_scale_\(value)"] ?? String(value))])
        }
        var number = 0
        let groups: [TemplateValue] = assessment.groups.map { group in
            var fields: TemplateObject = [
                "id": .string(group.id), "title": .string(group.title),
                "statements": .list(group.statements.map { statement in
                    number += 1
                    var fields: TemplateObject = [
                        "id": .string(statement.id), "text": .string(statement.text), "number": .int(number),
                        "tips": .string(statement.tips.map(String.init).joined(separator: " ")),
                        "scale": .list(scale),
                    ]
                    if let language = statement.textLanguage { fields["text_lang"] = .string(language) }
                    return .object(fields)
                }),
            ]
            if let summary = group.summary { fields["summary"] = .string(summary) }
            if let language = group.textLanguage { fields["text_lang"] = .string(language) }
            return .object(fields)
        }
        let numbers = Set(assessment.statements.flatMap(\.tips))
        let tips: [TemplateValue] = handbook.tips.indices.filter { numbers.contains(handbook.tips[$0].number) }.map { position in
            let tip = handbook.tips[position]
            var fields: TemplateObject = ["number": .int(tip.number), "title": .string(tip.title), "chapter": .int(tip.chapter),
                                          "url": .string(root + SitePaths.tip(slug: tip.slug))]
            if let chapter = handbook.chapter(number: tip.chapter) { fields["chapter_title"] = .string(chapter.title) }
            return .object(fields)
        }
        var context: TemplateObject = [
            "page_title": .string(strings["assessment_title"] ?? "Where do we stand?"),
            "groups": .list(groups),
            "assessment_tips": .list(tips),
            "statement_count": .int(number),
            "assessment_script_url": .string(root + SitePaths.assets + "assessment.js"),
            "has_untranslated": .bool(assessment.statements.contains { $0.textLanguage != nil }),
        ]
        if let intro = assessment.intro { context["intro"] = .string(intro) }
        return context
    }
}
