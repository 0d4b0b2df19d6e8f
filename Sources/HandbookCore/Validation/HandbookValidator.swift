//! Raw files → a consistent `Handbook`, reporting every problem at once.

import Foundation

/// Checks the content as a whole: each file on its own, then the references between files.
public enum HandbookValidator {
    public struct Options: Sendable {
        public var includeDrafts: Bool
        public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }
    }

    /// Returns the handbook when there is no error, and all diagnostics (warnings too) either way.
    /// `cache` (the preview's) keeps what each file decoded to; the checks between files always run.
    public static func validate(_ files: ContentFiles, options: Options = Options(),
                                cache: ContentCache? = nil) -> (Handbook?, [Diagnostic]) {
        var diagnostics = files.diagnostics

        var config: HandbookConfig?
        if let file = files.config {
            let (decoded, problems) = cache?.config(from: file) ?? ContentDecoder.config(from: file)
            config = decoded
            diagnostics += problems
        }

        let decodedTips = cache?.tips(from: files.tips) ?? decodeInParallel(files.tips, ContentDecoder.tip(from:))
        let decodedChapters = cache.map { cache in files.chapters.map { cache.chapter(from: $0) } }
            ?? decodeInParallel(files.chapters, ContentDecoder.chapter(from:))
        diagnostics += decodedTips.flatMap(\.2) + decodedChapters.flatMap(\.1)

        let chapters = uniqueChapters(decodedChapters.compactMap(\.0), diagnostics: &diagnostics)
        var tips: [(Tip, ContentDecoder.TipLocations)] = decodedTips.compactMap { tip, locations, _ in
            guard let tip, let locations else { return nil }
            return (tip, locations)
        }
        tips = uniqueTips(tips, diagnostics: &diagnostics)
        let drafts = Set(tips.filter { $0.0.draft }.map(\.0.number))
        if !options.includeDrafts { tips.removeAll { $0.0.draft } }

        guard let config else {
            return (nil, diagnostics.sortedByLocation())
        }
        if chapters.isEmpty && files.diagnostics.isEmpty {
            diagnostics.append(.warning("the handbook has no chapters", at: nil,
                                        hint: "add content/chapters/01-first-chapter.md"))
        }
        let chapterNumbers = Set(chapters.map(\.number))
        let tipNumbers = Set(tips.map(\.0.number))
        let themeSlugs = config.themes.map(\.slug)
        for (tip, at) in tips {
            checkReferences(of: tip, at: at, config: config, chapterNumbers: chapterNumbers, tipNumbers: tipNumbers,
                            drafts: drafts, themeSlugs: themeSlugs, diagnostics: &diagnostics)
        }
        for theme in config.themes where !tips.contains(where: { $0.0.themes.contains(theme.slug) }) {
            diagnostics.append(.warning("theme '\(theme.slug)' has no tips", at: SourceLocation(file: files.config?.path ?? ContentLoader.configFileName),
                                        hint: "add 'themes: [\(theme.slug)]' to a tip, or remove the theme"))
        }
        let sorted = diagnostics.sortedByLocation()
        if sorted.hasErrors { return (nil, sorted) }
        return (Handbook(config: config, chapters: chapters, tips: tips.map(\.0)), sorted)
    }

    // MARK: - Between files

    private static func checkReferences(of tip: Tip, at: ContentDecoder.TipLocations, config: HandbookConfig,
                                        chapterNumbers: Set<Int>, tipNumbers: Set<Int>, drafts: Set<Int>,
                                        themeSlugs: [String], diagnostics: inout [Diagnostic]) {
        if !chapterNumbers.contains(tip.chapter) {
            let known = chapterNumbers.sorted().map(String.init).joined(separator: ", ")
            diagnostics.append(.error("tip \(tip.number) names chapter \(tip.chapter), which does not exist", at: at.chapter,
                                      hint: known.isEmpty ? "add a chapter file in chapters/" : "chapters are \(known)"))
        }
        var seenThemes = Set<String>()
        for (slug, location) in zip(tip.themes, at.themes) {
            if !themeSlugs.contains(slug) {
                diagnostics.append(.error("unknown theme '\(slug)'", at: location,
                                          hint: Suggestion.didYouMean(slug, in: themeSlugs)
                                            ?? "declared themes are \(themeSlugs.joined(separator: ", "))"))
            } else if !seenThemes.insert(slug).inserted {
                diagnostics.append(.warning("theme '\(slug)' is listed twice", at: location))
            }
        }
        if tip.related.isEmpty {
            diagnostics.append(.warning("tip \(tip.number) has no related tips", at: at.number,
                                        hint: "add 'related: [N, M]' with two or three tips a reader should see next"))
        }
        var seenRelated = Set<Int>()
        for (number, location) in zip(tip.related, at.related) {
            if number == tip.number {
                diagnostics.append(.error("tip \(tip.number) lists itself as related", at: location,
                                          hint: "remove \(number) from 'related'"))
            } else if drafts.contains(number) && !tipNumbers.contains(number) {
                diagnostics.append(.error("related tip \(number) is a draft and is left out of this build", at: location,
                                          hint: "publish tip \(number), build with --drafts, or remove it from 'related'"))
            } else if !tipNumbers.contains(number) {
                diagnostics.append(.error("related tip \(number) does not exist", at: location,
                                          hint: nearestTip(to: number, in: tipNumbers)))
            } else if !seenRelated.insert(number).inserted {
                diagnostics.append(.warning("related tip \(number) is listed twice", at: location))
            }
        }
        if let step = tip.flywheelStep {
            let count = max(config.flywheelSteps.count, 1)
            if !(1...count).contains(step) {
                diagnostics.append(.error("flywheel_step \(step) is out of range", at: at.flywheelStep,
                                          hint: "use a step from 1 to \(count), as listed under 'flywheel' in handbook.yml"))
            }
        }
    }

    private static func nearestTip(to number: Int, in numbers: Set<Int>) -> String? {
        guard let highest = numbers.max() else { return "there are no tips yet" }
        return "tips are numbered \(numbers.min()!) to \(highest)"
    }

    private static func uniqueTips(_ tips: [(Tip, ContentDecoder.TipLocations)],
                                   diagnostics: inout [Diagnostic]) -> [(Tip, ContentDecoder.TipLocations)] {
        var firstFile: [Int: String] = [:]
        var unique: [(Tip, ContentDecoder.TipLocations)] = []
        for entry in tips {
            if let first = firstFile[entry.0.number] {
                diagnostics.append(.error("tip number \(entry.0.number) is already used by \(first)", at: entry.1.number,
                                          hint: "give this tip the next free number (handbook new tip picks one)"))
            } else {
                firstFile[entry.0.number] = entry.0.source.file
                unique.append(entry)
            }
        }
        return unique
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

    private static func decodeInParallel<T>(_ files: [SourceFile], _ decode: @Sendable (SourceFile) -> T) -> [T] {
        let results = ConcurrentResults<T>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results[index] = decode(files[index])
        }
        return results.values
    }
}
