//! Slugs for file names and heading anchors: lowercase ASCII letters, digits and hyphens.

import Foundation

enum URLSlug {
    /// Folds accents ("Café" → "cafe"), keeps letters and digits of any script, and joins the
    /// rest with single hyphens.
    static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }
}
