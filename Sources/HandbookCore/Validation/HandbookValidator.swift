//! Raw files → a consistent `Handbook`, reporting every problem at once.

/// Checks the content as a whole: each file on its own, then the references between files.
public enum HandbookValidator {
    public struct Options: Sendable {
        public var includeDrafts: Bool
        /// The languages the theme has strings for, listed when handbook.yml's `language` is not a tag.
        public var themeLanguages: [String]
        public init(includeDrafts: Bool = false, themeLanguages: [String] = []) {
            self.includeDrafts = includeDrafts
            self.themeLanguages = themeLanguages
        }
    }

    /// Returns the handbook when there is no error, and all diagnostics (warnings too) either way.
    public static func validate(_ files: ContentFiles, options: Options = Options()) -> (Handbook?, [Diagnostic]) {
        let (handbook, _, diagnostics) = validateKeepingPartial(files, options: options)
        return (handbook, diagnostics)
    }

    /// With the handbook as it is when only references between files are wrong (`chapter: 99`):
    /// its Markdown can still be checked, so that one run reports the bodies' problems too.
    static func validateKeepingPartial(_ files: ContentFiles, options: Options = Options()) -> (Handbook?, partial: Handbook?, [Diagnostic]) {
        var diagnostics = files.diagnostics

        var config: HandbookConfig?
        if let file = files.config {
            let (decoded, problems) = ContentDecoder.config(from: file, themeLanguages: options.themeLanguages)
            config = decoded
            diagnostics += problems
        }
        var decodedTips = files.tips.concurrentMap { ContentDecoder.tip(from: $0) }
        let decodedChapters = files.chapters.concurrentMap { ContentDecoder.chapter(from: $0) }
        diagnostics += decodedTips.flatMap(\.2) + decodedChapters.flatMap(\.1)
        diagnostics += PageNameChecks.collisions(of: files.tips, kind: "tip")
        diagnostics += PageNameChecks.collisions(of: files.chapters, kind: "chapter")

        let chapters = uniqueChapters(decodedChapters.compactMap(\.0), diagnostics: &diagnostics)
        // Moved out, not copied: a copy touches every tip's strings again, a cache miss each.
        let allDecoded = !files.diagnostics.hasErrors && decodedTips.allSatisfy { $0.0 != nil } && decodedChapters.allSatisfy { $0.0 != nil }
        var tips: [(Tip, ContentDecoder.TipLocations)] = []
        tips.reserveCapacity(decodedTips.count)
        for index in decodedTips.indices {
            if let tip = decodedTips[index].0.take(), let locations = decodedTips[index].1.take() { tips.append((tip, locations)) }
        }
        tips = uniqueTips(tips, diagnostics: &diagnostics)
        let drafts = Set(tips.filter { $0.0.draft }.map(\.0.number))
        if !options.includeDrafts { tips.removeAll { $0.0.draft } }

        guard let config else {
            return (nil, nil, diagnostics.sortedByLocation())
        }
        if chapters.isEmpty && files.diagnostics.isEmpty {
            diagnostics.append(.warning("the handbook has no chapters", at: nil,
                                        hint: "add content/chapters/01-first-chapter.md"))
        }
        // A tip that failed on its own still exists for the others: naming it is no second error.
        let failedNumbers = decodedTips.indices.filter { decodedTips[$0].0 == nil && decodedTips[$0].2.hasErrors }
            .compactMap { ContentDecoder.declaredNumber(in: files.tips[$0]) }
        let references = ReferenceChecks(config: config, chapterNumbers: Set(chapters.map(\.number)),
                                         tipNumbers: Set(tips.map(\.0.number) + failedNumbers), drafts: drafts,
                                         themeSlugs: config.themes.map(\.slug))
        diagnostics += tips.concurrentMap { references.diagnostics(of: $0.0, at: $0.1) }.flatMap { $0 }
        var assessment: Assessment?
        if let file = files.assessment {
            let (checked, problems) = AssessmentChecks.validate(file, tipNumbers: references.tipNumbers, drafts: drafts)
            assessment = checked
            diagnostics += problems
        }
        for theme in config.themes where !tips.contains(where: { $0.0.themes.contains(theme.slug) }) {
            diagnostics.append(.warning("theme '\(theme.slug)' has no tips", at: config.themeLocations[theme.slug] ?? SourceLocation(file: files.config?.path ?? ContentLoader.configFileName, line: 1, column: 1),
                                        hint: "add 'themes: [\(theme.slug)]' to a tip, or remove the theme"))
        }
        var handbook = Handbook(config: config, chapters: chapters, tips: tips.map(\.0))
        handbook.leftOutDrafts = options.includeDrafts ? [] : drafts
        if diagnostics.hasErrors { return (nil, allDecoded ? handbook : nil, diagnostics.sortedByLocation()) }
        handbook.assessment = assessment
        for (language, translationFiles) in files.translations {
            var (translation, problems) = TranslationValidator.translate(handbook, folder: language, files: translationFiles,
                                                                         drafts: options.includeDrafts ? [] : drafts)
            diagnostics += problems
            if let assessment {
                let (words, wordProblems) = AssessmentChecks.translate(assessment, language: config.language, file: translationFiles.assessment)
                translation?.assessment = words
                diagnostics += wordProblems
            } else if let orphan = translationFiles.assessment, files.assessment == nil {
                diagnostics.append(.warning("the original has no \(ContentLoader.assessmentFileName), so this translation of it is not used",
                                            at: SourceLocation(file: orphan.path), hint: "add the original's file, or remove this one"))
            }
            if let translation { handbook.translations.append(translation) }
        }
        let sorted = diagnostics.sortedByLocation()
        if sorted.hasErrors { return (nil, nil, sorted) }
        return (handbook, nil, sorted)
    }

    // MARK: - Between files

    private static func uniqueTips(_ tips: [(Tip, ContentDecoder.TipLocations)],
                                   diagnostics: inout [Diagnostic]) -> [(Tip, ContentDecoder.TipLocations)] {
        // Number → position of the first tip with it; without a repeat the list is returned as it came.
        var first: [Int: Int] = [:]
        first.reserveCapacity(tips.count)
        var repeats = false
        for index in tips.indices {
            let number = tips[index].0.number
            if let earlier = first[number] {
                diagnostics.append(.error("tip number \(number) is already used by \(tips[earlier].0.source.file)",
                                          at: tips[index].1.number,
                                          hint: "give this tip the next free number (handbook new tip picks one)"))
                repeats = true
            } else {
                first[number] = index
            }
        }
        guard repeats else { return tips }
        return tips.indices.filter { first[tips[$0].0.number] == $0 }.map { tips[$0] }
    }

    private static func uniqueChapters(_ chapters: [(Chapter, SourceLocation)], diagnostics: inout [Diagnostic]) -> [Chapter] {
        var firstFile: [Int: String] = [:]
        var unique: [Chapter] = []
        for (chapter, numberLocation) in chapters {
            if let first = firstFile[chapter.number] {
                diagnostics.append(.error("chapter number \(chapter.number) is already used by \(first)",
                                          at: numberLocation,
                                          hint: "give each chapter its own number"))
            } else {
                firstFile[chapter.number] = chapter.source.file
                unique.append(chapter)
            }
        }
        return unique
    }
}
