//! The self-assessment against the rest of the handbook: its tips exist and are in this build;
//! a translation's words laid over the original by id.

enum AssessmentChecks {
    /// The checked assessment, or nil with the problems when it has an error.
    static func validate(_ file: SourceFile, tipNumbers: Set<Int>, drafts: Set<Int>) -> (Assessment?, [Diagnostic]) {
        let (decoded, problems) = AssessmentDecoder.decode(file)
        guard let decoded else { return (nil, problems) }
        var diagnostics = problems
        let lowest = tipNumbers.min(), highest = tipNumbers.max()
        for statement in decoded.assessment.statements {
            var seen = Set<Int>()
            for (number, location) in zip(statement.tips, decoded.tipLocations[statement.id] ?? []) {
                if drafts.contains(number) && !tipNumbers.contains(number) {
                    diagnostics.append(.error("tip \(number) of statement '\(statement.id)' is a draft and is left out of this build",
                                              at: location, hint: "publish tip \(number), build with --drafts, or name another tip"))
                } else if !tipNumbers.contains(number) {
                    diagnostics.append(.error("statement '\(statement.id)' names tip \(number), which does not exist", at: location,
                                              hint: lowest.map { "tips are numbered \($0) to \(highest!)" } ?? "there are no tips yet"))
                } else if !seen.insert(number).inserted {
                    diagnostics.append(.warning("tip \(number) is listed twice in statement '\(statement.id)'", at: location))
                }
            }
        }
        return diagnostics.hasErrors ? (nil, diagnostics) : (decoded.assessment, diagnostics)
    }

    /// The original's assessment in a translation's words: groups and statements matched by id;
    /// what the translation leaves out keeps the original's text, marked with its language.
    static func translate(_ original: Assessment, language: String, file: SourceFile?) -> (Assessment, [Diagnostic]) {
        var translated = original
        let decoded: AssessmentDecoder.Decoded?
        var diagnostics: [Diagnostic] = []
        if let file {
            (decoded, diagnostics) = AssessmentDecoder.decode(file, translation: true)
            translated.source = file.path
        } else {
            decoded = nil
        }
        let groups = Dictionary((decoded?.assessment.groups ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let statements = Dictionary((decoded?.assessment.statements ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let intro = decoded?.assessment.intro { translated.intro = intro }
        for index in translated.groups.indices {
            if let words = groups[translated.groups[index].id], !words.title.isEmpty {
                translated.groups[index].title = words.title
                translated.groups[index].summary = words.summary ?? translated.groups[index].summary
            } else {
                translated.groups[index].textLanguage = language
            }
            for inner in translated.groups[index].statements.indices {
                if let words = statements[translated.groups[index].statements[inner].id] {
                    translated.groups[index].statements[inner].text = words.text
                } else {
                    translated.groups[index].statements[inner].textLanguage = language
                }
            }
        }
        if let decoded {
            let known = Set(original.groups.map(\.id) + original.statements.map(\.id))
            for (id, location) in decoded.idLocations where !known.contains(id) {
                diagnostics.append(.error("'\(id)' is not a group or statement of the original assessment", at: location,
                                          hint: Suggestion.didYouMean(id, in: Array(known)) ?? "use the ids of \(original.source)"))
            }
        }
        return (translated, diagnostics.sortedByLocation())
    }
}
