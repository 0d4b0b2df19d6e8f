//! A translation folder (`content/nl/`) → the handbook in that language, matched by number.

import FoundationEssentials

/// The translation's words on the original's structure (chapters, themes, related tips, flywheel
/// steps). A tip or chapter not translated yet is the original, marked with its text's language.
enum TranslationValidator {
    static func translate(_ original: Handbook, folder: String, files: ContentFiles, drafts: Set<Int>) -> (Handbook?, [Diagnostic]) {
        var diagnostics = files.diagnostics
        guard let configFile = files.config else { return (nil, diagnostics) }
        let (decoded, configProblems) = TranslationDecoder.config(from: configFile)
        diagnostics += configProblems
        let tips = texts(files.tips, isChapter: false, diagnostics: &diagnostics)
        let chapters = texts(files.chapters, isChapter: true, diagnostics: &diagnostics)
        guard let decoded else { return (nil, diagnostics) }
        if decoded.language != folder {
            diagnostics.append(.error("'language: \(decoded.language)' does not match the folder '\(folder)'",
                                      at: SourceLocation(file: configFile.path, line: 1, column: 1),
                                      hint: "a translation lives in a folder named after its language: write 'language: \(folder)'"))
        }
        let config = translatedConfig(original.config, decoded, folder: folder, diagnostics: &diagnostics)

        var translatedTips = original.tips
        for (number, text) in tips where drafts.contains(number) == false {
            guard let position = original.tipPosition(number: number) else {
                diagnostics.append(orphan("tip", number, at: text.numberLocation, originals: "tips"))
                continue
            }
            let tip = original.tips[position]
            diagnostics += staleness(text, originalFile: tip.source.file,
                                     hash: originalHash(title: tip.title, summary: tip.summary, body: tip.body))
            translatedTips[position].title = text.title
            translatedTips[position].summary = text.summary
            translatedTips[position].body = text.body
            translatedTips[position].source = text.source
            translatedTips[position].slug = text.slug
        }
        var translatedChapters = original.chapters
        for (number, text) in chapters {
            guard let position = original.chapterPosition(number: number) else {
                diagnostics.append(orphan("chapter", number, at: text.numberLocation, originals: "chapters"))
                continue
            }
            let chapter = original.chapters[position]
            diagnostics += staleness(text, originalFile: chapter.source.file,
                                     hash: originalHash(title: chapter.title, summary: chapter.summary, body: chapter.body))
            translatedChapters[position].title = text.title
            translatedChapters[position].part = text.part
            translatedChapters[position].summary = text.summary
            translatedChapters[position].body = text.body
            translatedChapters[position].source = text.source
            translatedChapters[position].slug = text.slug
        }
        for index in translatedTips.indices where tips[translatedTips[index].number] == nil {
            translatedTips[index].textLanguage = original.config.language
        }
        for index in translatedChapters.indices where chapters[translatedChapters[index].number] == nil {
            translatedChapters[index].textLanguage = original.config.language
        }
        diagnostics += untranslated(translatedTips.filter { $0.textLanguage != nil }.map(\.number), of: original.tips.count,
                                    kind: "tips", folder: files.config.map { UserPath.folder(of: $0.path) } ?? folder,
                                    language: folder)
        diagnostics += untranslated(translatedChapters.filter { $0.textLanguage != nil }.map(\.number),
                                    of: original.chapters.count, kind: "chapters",
                                    folder: files.config.map { UserPath.folder(of: $0.path) } ?? folder,
                                    language: folder)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var translation = Handbook(config: config, chapters: translatedChapters, tips: translatedTips)
        translation.leftOutDrafts = drafts
        return (translation, diagnostics)
    }

    /// The version of an original that a translation records in `original_hash`: FNV-1a of its
    /// title, summary and text, as 8 hex digits. Changing only its themes or links keeps it.
    static func originalHash(title: String, summary: String?, body: String) -> String {
        let text = title + "\n" + (summary ?? "") + "\n" + body.trimmingWhitespace()
        let hash = text.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    // MARK: - Pieces

    /// Each file's translation by number; a number given twice is an error at the second.
    private static func texts(_ files: [SourceFile], isChapter: Bool, diagnostics: inout [Diagnostic]) -> [Int: TranslatedText] {
        var byNumber: [Int: TranslatedText] = [:]
        for file in files {
            let (text, problems) = TranslationDecoder.text(from: file, isChapter: isChapter)
            diagnostics += problems
            guard let text else { continue }
            if let first = byNumber[text.number] {
                diagnostics.append(.error("\(isChapter ? "chapter" : "tip") \(text.number) is already translated in \(first.source.file)",
                                          at: text.numberLocation, hint: "keep one translation of each number"))
            } else {
                byNumber[text.number] = text
            }
        }
        return byNumber
    }

    private static func translatedConfig(_ original: HandbookConfig, _ translated: TranslatedConfig, folder: String,
                                         diagnostics: inout [Diagnostic]) -> HandbookConfig {
        var config = original
        config.title = translated.title
        config.subtitle = translated.subtitle
        config.language = translated.language
        config.edition = translated.edition ?? original.edition
        config.introduction = translated.introduction
        config.introductionLine = translated.introductionLine
        config.sourceFile = translated.source
        config.baseURL = original.baseURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + folder + "/" }
        // Edit links name a file by its path inside the translation's folder: put the folder back.
        config.editURL = original.editURL.map { url in
            let placeholder = HandbookConfig.editPathPlaceholder
            return url.contains(placeholder) ? url.replacingScalars(placeholder, with: folder + "/" + placeholder)
                : (url.hasSuffix("/") ? url : url + "/") + folder + "/"
        }
        let slugs = original.themes.map(\.slug)
        for theme in translated.themes {
            guard let index = slugs.firstIndex(of: theme.slug) else {
                diagnostics.append(.error("theme '\(theme.slug)' is not a theme of the original handbook", at: theme.location,
                                          hint: Suggestion.didYouMean(theme.slug, in: slugs) ?? "its themes are \(slugs.joined(separator: ", "))"))
                continue
            }
            config.themes[index].title = theme.title
            config.themes[index].description = theme.description ?? config.themes[index].description
        }
        if !translated.flywheelSteps.isEmpty {
            if translated.flywheelSteps.count == original.flywheelSteps.count {
                config.flywheelSteps = translated.flywheelSteps
            } else {
                diagnostics.append(.error("'flywheel' has \(translated.flywheelSteps.count) steps; the original has \(original.flywheelSteps.count)",
                                          at: SourceLocation(file: translated.source, line: 1, column: 1),
                                          hint: "translate each of the original's steps, in the same order"))
            }
        }
        return config
    }

    private static func orphan(_ kind: String, _ number: Int, at location: SourceLocation, originals: String) -> Diagnostic {
        .error("\(kind) \(number) has no original: there is no \(kind) \(number) in \(originals)/", at: location,
               hint: "a translation is matched to its original by number; fix the number or remove the file")
    }

    private static func staleness(_ text: TranslatedText, originalFile: String, hash: String) -> [Diagnostic] {
        guard let recorded = text.originalHash else {
            return [.warning("the translation does not say which version of its original it follows", at: text.numberLocation,
                             hint: "once it matches \(originalFile), add 'original_hash: \(hash)' to its front matter")]
        }
        guard recorded.value != hash else { return [] }
        return [.warning("the original changed after this translation was made", at: recorded.location,
                         hint: "bring it up to date with \(originalFile), then set 'original_hash: \(hash)'")]
    }

    private static func untranslated(_ numbers: [Int], of total: Int, kind: String, folder: String, language: String) -> [Diagnostic] {
        guard !numbers.isEmpty else { return [] }
        let shown = numbers.prefix(12).map(String.init).joined(separator: ", ") + (numbers.count > 12 ? ", …" : "")
        return [.warning("\(numbers.count) of \(total) \(kind) are not translated into '\(language)' yet: \(shown)",
                         at: SourceLocation(file: folder + "/" + kind),
                         hint: kind == "tips" ? "start one with 'handbook new tip --language \(language) --number N'"
                            : "add a file per chapter to \(folder)/\(kind)/, with 'number:' as in the original")]
    }
}
