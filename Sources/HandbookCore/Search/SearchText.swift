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
    /// ASCII words, nearly all of them, never become a `String`: a lowercase one is passed as it
    /// stands in the text, one with capitals is lowercased into a scratch buffer. A word with any
    /// other character goes through Unicode decomposition (`fold`).
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
                var scanner = WordScanner(utf8: utf8, scratch: scratch)
                scanner.run(body)
            }
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

/// The byte loop of `SearchText.forEachWord`: one pass, no allocation for ASCII words.
private struct WordScanner {
    let utf8: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeMutableBufferPointer<UInt8>

    /// ASCII classes: 0 ends a word, 1 lowercase letter or digit, 2 capital, 3 apostrophe.
    private static let classes: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 2
        case UInt8(ascii: "\'"): 3
        default: 0
        }
    }

    /// The word being read: where it starts, and what kinds of character it has so far.
    private struct OpenWord {
        var start: Int
        /// Only ASCII letters and digits, and apostrophes (' or ’) when `apostrophes`.
        var ascii = true
        var capitals = false
        var apostrophes = false
    }

    mutating func run(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        Self.classes.withUnsafeBufferPointer { classes in
            let count = utf8.count
            var index = 0
            var word: OpenWord?
            while index < count {
                let byte = utf8[index]
                if byte < 0x80 {
                    switch classes[Int(byte)] {
                    case 1:
                        if word == nil { word = OpenWord(start: index) }
                    case 2:
                        if word == nil { word = OpenWord(start: index) }
                        word?.capitals = true
                    case 3:
                        word?.apostrophes = true
                    default:
                        if let open = word { finish(open, end: index, body); word = nil }
                    }
                    index += 1
                    continue
                }
                // A multi-byte character: decode it to see whether it belongs to a word.
                var iterator = UnsafeBufferPointer(rebasing: utf8[index...]).makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                    if let open = word { finish(open, end: index, body); word = nil }
                    index += 1
                    continue
                }
                if scalar.value == 0x2019 {
                    word?.apostrophes = true
                } else if SearchText.isWordScalar(scalar) || SearchText.isMark(scalar) {
                    if word == nil { word = OpenWord(start: index) }
                    word?.ascii = false
                } else if let open = word {
                    finish(open, end: index, body)
                    word = nil
                }
                index += UTF8.width(scalar)
            }
            if let open = word { finish(open, end: count, body) }
        }
    }

    private func finish(_ open: OpenWord, end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let word = UnsafeBufferPointer(rebasing: utf8[open.start..<end])
        if open.ascii && !open.apostrophes && !open.capitals {
            body(word)
        } else if open.ascii && open.apostrophes && word.count <= scratch.count {
            // ASCII letters and digits with ' or ’ (E2 80 99) among them: drop those, lowercase the rest.
            var written = 0, offset = 0
            while offset < word.count {
                let byte = word[offset]
                if byte == 0xE2 {
                    offset += 3
                    continue
                }
                offset += 1
                if byte == UInt8(ascii: "'") { continue }
                scratch[written] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                written += 1
            }
            body(UnsafeBufferPointer(rebasing: scratch[0..<written]))
        } else if open.ascii && word.count <= scratch.count {
            for offset in 0..<word.count {
                let byte = word[offset]
                scratch[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            }
            body(UnsafeBufferPointer(rebasing: scratch[0..<word.count]))
        } else {
            // Long ASCII words are rare; so are the others, which need Unicode's rules.
            var folded = SearchText.fold(String(decoding: word, as: UTF8.self))
            if !folded.isEmpty { folded.withUTF8 { body($0) } }
        }
    }
}
