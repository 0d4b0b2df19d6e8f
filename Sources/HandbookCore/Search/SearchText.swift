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
    /// Every word of `text`, folded, in order (repeats kept).
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word (valid only during the call).
    /// ASCII words, nearly all of them, are lowercased in place and never become a `String`; a
    /// word with any other character goes through Unicode decomposition.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var scratch = [UInt8](repeating: 0, count: 64)
        text.withUTF8 { utf8 in
            var start = -1          // first byte of the current word, -1 outside a word
            var ascii = true        // the current word is plain ASCII letters and digits
            var apostrophes = false
            var index = 0
            func finish(_ end: Int) {
                guard start >= 0 else { return }
                let count = end - start
                if ascii && !apostrophes {
                    if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
                    scratch.withUnsafeMutableBufferPointer { buffer in
                        for offset in 0..<count {
                            let byte = utf8[start + offset]
                            buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        }
                        body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
                    }
                } else {
                    var folded = fold(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
                    if !folded.isEmpty { folded.withUTF8 { body($0) } }
                }
                start = -1
                ascii = true
                apostrophes = false
            }
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                         UInt8(ascii: "0")...UInt8(ascii: "9"):
                        if start < 0 { start = index }
                    case UInt8(ascii: "'"):
                        if start >= 0 { apostrophes = true }
                    default:
                        finish(index)
                    }
                    index += 1
                    continue
                }
                // A multi-byte character: decode it to see whether it belongs to a word.
                var iterator = UnsafeBufferPointer(rebasing: utf8[index...]).makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                    finish(index)
                    index += 1
                    continue
                }
                if scalar.value == 0x2019 {
                    if start >= 0 { apostrophes = true }
                } else if isWordScalar(scalar) || isMark(scalar) {
                    if start < 0 { start = index }
                    ascii = false
                } else {
                    finish(index)
                }
                index += UTF8.width(scalar)
            }
            finish(utf8.count)
        }
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
