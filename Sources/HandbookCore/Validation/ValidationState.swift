//! What a validation without errors learnt about the whole handbook, kept by the preview so that a
//! change to one tip's file can be checked on its own, with the same diagnostics a full
//! validation would give.

import Foundation

/// The files and decoded tips of the last validation without errors, and what a tip's references
/// are checked against.
struct ValidationState: Sendable {
    let options: HandbookValidator.Options
    private(set) var files: ContentFiles
    /// Aligned with `files.tips`.
    private(set) var decodedTips: [ContentCache.DecodedTip]
    let references: ReferenceChecks
    /// Tip file → its index in `files.tips`, by the absolute path read and by the path shown.
    let tipIndexByPath: [String: Int]
    let tipIndexByFile: [String: Int]

    init(options: HandbookValidator.Options, files: ContentFiles, decodedTips: [ContentCache.DecodedTip],
         references: ReferenceChecks) {
        self.options = options
        self.files = files
        self.decodedTips = decodedTips
        self.references = references
        tipIndexByPath = Dictionary(zip(files.tipPaths, files.tips.indices), uniquingKeysWith: { first, _ in first })
        tipIndexByFile = Dictionary(zip(files.tips.map(\.path), files.tips.indices), uniquingKeysWith: { first, _ in first })
    }

    /// A tip's diagnostics as a full validation reports them (decoding, then references), in
    /// that order; nil for a tip that is not in the handbook.
    func diagnostics(ofTipAt index: Int) -> [Diagnostic]? {
        let (tip, locations, decoding) = decodedTips[index]
        guard let tip, let locations, !tip.draft || options.includeDrafts else { return nil }
        return decoding + references.diagnostics(of: tip, at: locations)
    }

    /// Takes a new text of the tip file at `index`. Returns the new tip, or nil when the change
    /// can reach beyond the tip's own diagnostics, so that only a full validation is exact: it no
    /// longer decodes, its number or draft flag changed, or it has an error (an error's hint can
    /// describe the whole handbook, and a failed build is rare enough to be checked in full).
    mutating func replaceTip(at index: Int, with file: SourceFile, decoded: ContentCache.DecodedTip) -> Tip? {
        guard let old = decodedTips[index].0, let new = decoded.0, decoded.1 != nil,
              old.number == new.number, !old.draft, !new.draft else { return nil }
        files.tips[index] = file
        decodedTips[index] = decoded
        guard let diagnostics = diagnostics(ofTipAt: index), !diagnostics.hasErrors else { return nil }
        return new
    }
}
