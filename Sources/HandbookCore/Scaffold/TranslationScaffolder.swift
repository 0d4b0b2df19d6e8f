//! Starts a translation of an existing tip (`handbook new tip --language nl --number 17`).

import FoundationEssentials

public enum TranslationScaffolder {
    /// Creates `<language>/tips/NNN-slug.md`: the original's text, to translate in place, and its `original_hash`.
    public static func create(number: Int, language: String, content: UserPath) throws -> String {
        let files = ContentLoader.load(root: content)
        let (validated, diagnostics) = HandbookValidator.validate(files, options: .init(includeDrafts: true))
        guard let handbook = validated else {
            throw BuildFailure(diagnostics.filter { $0.severity == .error }
                + [.error("fix the errors above before adding a translation", at: nil)])
        }
        let folder = content.appending(language)
        guard let translation = handbook.translations.first(where: { $0.config.language == language }) else {
            throw BuildFailure([.error("there is no translation '\(language)' yet", at: nil,
                                       hint: "create \(folder.appending(ContentLoader.configFileName)) with 'language: \(language)', "
                                           + "'title:' and the themes' titles, copied from \(content.appending(ContentLoader.configFileName))")])
        }
        guard let original = handbook.tip(number: number), let position = handbook.tipPosition(number: number) else {
            throw BuildFailure([.error("there is no tip \(number) to translate", at: nil,
                                       hint: "tips are numbered \(handbook.tips.first?.number ?? 0) to \(handbook.tips.last?.number ?? 0)")])
        }
        guard translation.tips[position].textLanguage != nil else {
            throw BuildFailure([.error("tip \(number) is translated already, in \(translation.tips[position].source.file)", at: nil)])
        }
        let hash = TranslationValidator.originalHash(title: original.title, summary: original.summary, body: original.body)
        let text = "---\nnumber: \(number)\ntitle: \(TipScaffolder.yamlQuoted(original.title))\n"
            + (original.summary.map { "summary: \(TipScaffolder.yamlQuoted($0))\n" } ?? "")
            + "original_hash: \(hash)\n---\n" + original.body
        let name = TipScaffolder.threeDigits(number) + "-" + original.slug.drop { $0.isNumber || $0 == "-" } + ".md"
        return try TipScaffolder.writeNew(text, named: name, in: folder.appending("tips"))
    }
}
