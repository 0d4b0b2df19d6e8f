//! Reads `assessment.yml`: groups of statements, each statement with the tips that help it.

/// Decodes the self-assessment file. Problems inside the file (unknown keys, an empty group, a
/// statement without tips, an id used twice) are found here; whether the tips exist is the
/// validator's (`AssessmentChecks`).
enum AssessmentDecoder {
    static let keys = ["intro", "groups"]
    static let groupKeys = ["id", "title", "summary", "statements"]
    static let statementKeys = ["id", "text", "tips"]

    /// The assessment with where each statement's tips are written, for the validator.
    struct Decoded: Sendable {
        var assessment: Assessment
        /// Per statement id, the location of each of its tips, in order.
        var tipLocations: [String: [SourceLocation]]
        /// Where each group and statement id is written (for a translation's unknown ids).
        var idLocations: [String: SourceLocation]
    }

    /// The original (`translation` false) or a translation, which carries only words: ids, titles,
    /// summaries and texts, and no tips (they come from the original). What could be read is
    /// returned even when there are errors; it is usable only when there are none.
    static func decode(_ file: SourceFile, translation: Bool = false) -> (Decoded?, [Diagnostic]) {
        let (parsed, parseProblems) = YAMLFields.parse(file.text, file: file.path, firstLine: 1)
        guard var fields = parsed else { return (nil, parseProblems) }
        fields.rejectUnknownKeys(allowed: keys)
        let intro = fields.string("intro")
        var diagnostics = fields.diagnostics
        var decoded = Decoded(assessment: Assessment(intro: intro, groups: [], source: file.path), tipLocations: [:], idLocations: [:])
        guard let node = fields.values["groups"] else {
            diagnostics.append(.error("missing required field 'groups'", at: fields.mappingLocation,
                                      hint: "list the groups, each with 'id:', 'title:' and 'statements:'"))
            return (nil, diagnostics)
        }
        guard let items = node.sequence, !items.isEmpty else {
            diagnostics.append(.error("'groups' must be a list of groups, found \(YAMLFields.describe(node))",
                                      at: fields.location(of: node), hint: "write each group as '- id: …' under 'groups:'"))
            return (nil, diagnostics)
        }
        for item in items {
            guard let mapping = item.mapping else {
                diagnostics.append(.error("each group must have 'id:', 'title:' and 'statements:'", at: fields.location(of: item)))
                continue
            }
            var group = fields.nested(mapping, item: item)
            group.rejectUnknownKeys(allowed: groupKeys)
            let id = uniqueID(&group, in: &decoded, kind: "group")
            let title = group.string("title", required: !translation, example: "The rough diamond")
            let summary = group.string("summary")
            let statements = decodeStatements(&group, groupID: id, translation: translation, into: &decoded)
            diagnostics += group.diagnostics + statements.diagnostics
            if let id {
                decoded.assessment.groups.append(Assessment.Group(id: id, title: title ?? "", summary: summary,
                                                                  statements: statements.values))
            }
        }
        // Returned with its errors too, so that the checks between files report theirs in the same run.
        return (decoded, diagnostics)
    }

    private static func decodeStatements(_ group: inout YAMLFields, groupID: String?, translation: Bool,
                                         into decoded: inout Decoded) -> (values: [Assessment.Statement], diagnostics: [Diagnostic]) {
        let name = groupID.map { "group '\($0)'" } ?? "the group"
        guard let node = group.values["statements"] else {
            if !translation {
                group.report("\(name) has no statements", at: "id", hint: "add 'statements:' with at least one statement")
            }
            return ([], [])
        }
        guard let items = node.sequence, !items.isEmpty else {
            let hint = "add '- id: …', 'text: …' and 'tips: [N, M]' under 'statements:'"
            if node.isNull || node.sequence != nil {
                group.report("\(name) has no statements", at: "statements", hint: hint)
            } else {
                group.report("'statements' must be a list, found \(YAMLFields.describe(node))", at: "statements", hint: hint)
            }
            return ([], [])
        }
        var statements: [Assessment.Statement] = []
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let mapping = item.mapping else {
                diagnostics.append(.error("each statement must have 'id:', 'text:' and 'tips:'", at: group.location(of: item)))
                continue
            }
            var statement = group.nested(mapping, item: item)
            statement.rejectUnknownKeys(allowed: translation ? ["id", "text"] : statementKeys)
            let id = uniqueID(&statement, in: &decoded, kind: "statement")
            let text = statement.string("text", required: true, example: "We fix the problem before we look for the cause.")
            var tips: [(Int, SourceLocation)] = []
            if !translation {
                let before = statement.diagnostics.count
                tips = statement.ints("tips") ?? []
                if tips.isEmpty && statement.diagnostics.count == before {
                    let which = id.map { "statement '\($0)'" } ?? "the statement"
                    statement.report("\(which) points to no tips", at: statement.values["tips"] == nil ? "id" : "tips",
                                     hint: "add 'tips: [N, M]' with the two to four tips that help most when it scores low")
                }
            }
            diagnostics += statement.diagnostics
            if let id, let text {
                decoded.tipLocations[id] = tips.map(\.1)
                statements.append(Assessment.Statement(id: id, text: text, tips: tips.map(\.0)))
            }
        }
        return (statements, diagnostics)
    }

    /// The item's `id`, reported when it is missing, malformed or already used in the file.
    private static func uniqueID(_ fields: inout YAMLFields, in decoded: inout Decoded, kind: String) -> String? {
        guard let id = fields.string("id", required: true, example: kind == "group" ? "rough" : "fix-first") else { return nil }
        guard ContentDecoder.isValidSlug(id) else {
            fields.report("\(kind) id '\(id)' may contain only lowercase letters, digits and '-'", at: "id",
                          hint: "for example 'fix-first'")
            return nil
        }
        if let first = decoded.idLocations[id] {
            fields.report("id '\(id)' is already used at line \(first.line)", at: "id",
                          hint: "give every group and statement its own id")
            return nil
        }
        decoded.idLocations[id] = fields.location(of: fields.values["id"])
        return id
    }
}
