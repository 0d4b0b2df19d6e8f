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
        var decoded = Decoded(assessment: Assessment(intro: intro, groups: [], source: file.path), tipLocations: [:], idLocations: [:])
        guard let groups = fields.mappings("groups", each: "group", with: "'id:', 'title:' and 'statements:'",
                                           missingHint: "list the groups, each with 'id:', 'title:' and 'statements:'",
                                           hint: "write each group as '- id: …' under 'groups:'", nonEmpty: true) else {
            return (nil, fields.diagnostics)
        }
        for var group in groups {
            group.rejectUnknownKeys(allowed: groupKeys)
            let id = uniqueID(&group, in: &decoded, kind: "group")
            let title = group.string("title", required: !translation, example: "The rough diamond")
            let summary = group.string("summary")
            let statements = decodeStatements(&group, groupID: id, translation: translation, into: &decoded)
            fields.diagnostics += group.diagnostics
            if let id {
                decoded.assessment.groups.append(Assessment.Group(id: id, title: title ?? "", summary: summary, statements: statements))
            }
        }
        // Returned with its errors too, so that the checks between files report theirs in the same run.
        return (decoded, fields.diagnostics)
    }

    private static func decodeStatements(_ group: inout YAMLFields, groupID: String?, translation: Bool,
                                         into decoded: inout Decoded) -> [Assessment.Statement] {
        let name = groupID.map { "group '\($0)'" } ?? "the group"
        guard let node = group["statements"] else {
            if !translation {
                group.report("\(name) has no statements", at: "id", hint: "add 'statements:' with at least one statement")
            }
            return []
        }
        guard let items = node.sequence, !items.isEmpty else {
            let hint = "add '- id: …', 'text: …' and 'tips: [N, M]' under 'statements:'"
            if node.isNull || node.sequence != nil {
                group.report("\(name) has no statements", at: "statements", hint: hint)
            } else {
                group.report("'statements' must be a list, found \(YAMLFields.describe(node))", at: "statements", hint: hint)
            }
            return []
        }
        var statements: [Assessment.Statement] = []
        for var statement in group.mappings("statements", each: "statement", with: "'id:', 'text:' and 'tips:'") ?? [] {
            statement.rejectUnknownKeys(allowed: translation ? ["id", "text"] : statementKeys)
            let id = uniqueID(&statement, in: &decoded, kind: "statement")
            let text = statement.string("text", required: true, example: "We fix the problem before we look for the cause.")
            var tips: [(Int, SourceLocation)] = []
            if !translation {
                let before = statement.diagnostics.count
                tips = statement.ints("tips") ?? []
                if tips.isEmpty && statement.diagnostics.count == before {
                    let which = id.map { "statement '\($0)'" } ?? "the statement"
                    statement.report("\(which) points to no tips", at: statement["tips"] == nil ? "id" : "tips",
                                     hint: "add 'tips: [N, M]' with the two to four tips that help most when it scores low")
                }
            }
            group.diagnostics += statement.diagnostics
            if let id, let text {
                decoded.tipLocations[id] = tips.map(\.1)
                statements.append(Assessment.Statement(id: id, text: text, tips: tips.map(\.0)))
            }
        }
        return statements
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
        decoded.idLocations[id] = fields.location(of: fields["id"])
        return id
    }
}
