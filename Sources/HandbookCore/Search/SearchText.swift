//! How search sees text: words folded to lowercase without accents, exactly as search.js folds
//! what the reader types, so "Café" in a tip and "cafe" in the search box meet.

/// Splits text into search words. The rules mirror `fold()` and `words()` in
/// `themes/default/assets/search.js`; change both together.
///
/// - Canonical decomposition, then every combining mark is dropped ("é" → "e").
/// - Lowercase.
/// - A word is a run of letters and digits (Unicode categories L and N). Apostrophes
///   (' and ’) are dropped without splitting, so "don't" is one word, "dont".
enum SearchText {
    /// The distinct words of `text`, in order of first appearance.
    static func uniqueWords(in text: String, into seen: inout Set<String>, order: inout [String]) {
        forEachWord(in: text) { word in
            if seen.insert(word).inserted { order.append(word) }
        }
    }

    /// Every word of `text`, folded, in order (repeats kept).
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each folded word. ASCII words, nearly all of them, take a fast path
    /// that never leaves UTF-8; others go through Unicode decomposition.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var ascii: [UInt8] = []
        var other = ""
        var needsUnicode = false

        func flush() {
            if needsUnicode {
                let folded = fold(other)
                if !folded.isEmpty { body(folded) }
            } else if !ascii.isEmpty {
                body(String(decoding: ascii, as: UTF8.self))
            }
            ascii.removeAll(keepingCapacity: true)
            other = ""
            needsUnicode = false
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if needsUnicode { other.unicodeScalars.append(scalar) } else { ascii.append(byte) }
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if needsUnicode { other.unicodeScalars.append(scalar) } else { ascii.append(byte + 32) }
                case UInt8(ascii: "'"):
                    continue
                default:
                    flush()
                }
            } else if value == 0x2019 {
                continue
            } else if isWordScalar(scalar) || isMark(scalar) {
                if !needsUnicode {
                    needsUnicode = true
                    other = String(decoding: ascii, as: UTF8.self)
                }
                other.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
    }

    /// Folds one word or query: decomposed, marks dropped, lowercased, non-word characters dropped.
    static func fold(_ text: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
            stripped.append(scalar)
        }
        let lowered = String(stripped).lowercased()
        var result = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars where isWordScalar(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    // MARK: - Unicode categories (the same as \p{L}, \p{N} and \p{M} in JavaScript)

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
