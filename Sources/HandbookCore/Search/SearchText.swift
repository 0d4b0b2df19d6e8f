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
        forEachWord(in: text) { bytes, _ in words.append(String(decoding: bytes, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, in order, and their
    /// FNV-1a hash, by which the index tells words apart without making a `String` of each.
    /// The words are found on the bytes: an ASCII word (nearly all of them) is hashed as it is
    /// read, and only a word with another character goes through Unicode's rules (`fold`).
    static func forEachWord(in text: String, _ body: (ArraySlice<UInt8>, UInt64) -> Void) {
        let bytes = Array(text.utf8)
        let kinds = asciiKinds  // read once: every read of a static checks that it is initialised
        var index = 0
        while index < bytes.count {
            let (kind, width) = classify(bytes, at: index, kinds)
            guard kind == .letter || kind == .capital || kind == .unicode else {
                index += width
                continue
            }
            let start = index
            var hash = fnvOffset
            var plain = true, lowercase = true
            word: while index < bytes.count {
                let (kind, width) = classify(bytes, at: index, kinds)
                switch kind {
                case .letter: hash = (hash ^ UInt64(bytes[index])) &* fnvPrime
                case .capital: hash = (hash ^ UInt64(bytes[index] | 0x20)) &* fnvPrime; lowercase = false
                case .apostrophe: lowercase = false
                case .unicode: plain = false
                case .separator: break word
                }
                index += width
            }
            if plain && lowercase {
                body(bytes[start..<index], hash)
            } else if plain {
                // Capitals lowered, apostrophes (' and the three bytes of ’) dropped: the bytes hashed.
                var folded: [UInt8] = []
                var offset = start
                while offset < index {
                    let byte = bytes[offset]
                    if byte == 0xE2 { offset += 3; continue }
                    offset += 1
                    if byte != UInt8(ascii: "'") { folded.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
                }
                body(folded[...], hash)
            } else {
                let folded = Array(fold(String(decoding: bytes[start..<index], as: UTF8.self)).utf8)
                if !folded.isEmpty { body(folded[...], wordHash(folded)) }
            }
        }
    }

    /// 64-bit FNV-1a of a folded word's bytes.
    static func wordHash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(fnvOffset) { ($0 ^ UInt64($1)) &* fnvPrime }
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    private enum Kind { case letter, capital, apostrophe, unicode, separator }

    /// What the character at `index` is to a word, and its width in bytes.
    @inline(__always)
    private static func classify(_ bytes: [UInt8], at index: Int, _ kinds: [Kind]) -> (Kind, Int) {
        let byte = bytes[index]
        return byte < 0x80 ? (kinds[Int(byte)], 1) : classifyScalar(bytes, at: index)
    }

    private static let asciiKinds: [Kind] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): .letter
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): .capital
        case UInt8(ascii: "'"): .apostrophe
        default: .separator
        }
    }

    private static func classifyScalar(_ bytes: [UInt8], at index: Int) -> (Kind, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (.separator, 1) }
        let width = UTF8.width(scalar)
        if scalar == "\u{2019}" { return (.apostrophe, width) }
        return (isWordScalar(scalar) || isMark(scalar) ? .unicode : .separator, width)
    }

    /// Folds one word or query: decomposed, marks dropped, lowercased, non-word characters dropped.
    static func fold(_ text: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in UnicodeFolding.decomposed(text).unicodeScalars where !isMark(scalar) {
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
