//! Slugs for file names and heading anchors: lowercase letters of any script, digits and hyphens.

enum URLSlug {
    /// Folds accents ("Café" → "cafe"), keeps letters and digits of any script, and joins the
    /// rest with single hyphens.
    static func make(_ text: String) -> String {
        asciiSlug(text) ?? foldedSlug(text)
    }

    /// The general case, for text of any script.
    static func foldedSlug(_ text: String) -> String {
        hyphenated(UnicodeFolding.folded(text), keeping: isLetterOrDigit)
    }

    /// The runs of kept characters, joined by single hyphens and lowercased.
    static func hyphenated(_ folded: String, keeping isKept: (UnicodeScalar) -> Bool) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if isKept(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }

    /// Letters, marks and numbers of any script (the categories L, M and N).
    private static func isLetterOrDigit(_ scalar: UnicodeScalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The same slug for plain ASCII text, without the Unicode folding; nil for any other text.
    static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(byte | 0x20)  // lowercases A-Z; digits and a-z have the bit set already
            case 0..<0x80:
                pendingHyphen = true
            default:
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
