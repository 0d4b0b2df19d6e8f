//! The checks of one tip against the rest of the handbook: chapter, themes, related tips, flywheel step.

import FoundationEssentials

/// What a tip's references are checked against: the handbook's chapters, tips, drafts and themes.
struct ReferenceChecks: Sendable {
    let config: HandbookConfig
    let chapterNumbers: Set<Int>
    /// Numbers of the tips in this build (drafts only with `--drafts`).
    let tipNumbers: Set<Int>
    let drafts: Set<Int>
    let themeSlugs: [String]

    /// The problems of one tip's references, in the order a full validation reports them.
    func diagnostics(of tip: Tip, at: ContentDecoder.TipLocations) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
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
                                          hint: numberRangeHint()))
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
        return diagnostics
    }

    private func numberRangeHint() -> String {
        guard let highest = tipNumbers.max() else { return "there are no tips yet" }
        return "tips are numbered \(tipNumbers.min()!) to \(highest)"
    }
}
