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

    /// Calls `body` with the UTF-8 bytes of each folded word (valid only during the call) and
    /// their FNV-1a hash (`wordHash`), worked out while the word is read.
    /// ASCII words, nearly all of them, never become a `String`: a lowercase one is passed as it
    /// stands in the text, one with capitals or apostrophes is folded into a scratch buffer. A
    /// word with any other character goes through Unicode decomposition (`fold`).
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
                var scanner = WordScanner(utf8: utf8, scratch: scratch)
                scanner.run(body)
            }
        }
    }

    /// 64-bit FNV-1a of a folded word's bytes, never 0 (0 marks an empty slot in `HashSlots`).
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for index in 0..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* fnvPrime }
        return hash == 0 ? 1 : hash
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

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

/// The byte loop of `SearchText.forEachWord`: one pass that finds each word and hashes it as
/// folded, with no allocation for ASCII words.
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

    /// What kinds of character a word has besides lowercase ASCII letters and digits.
    private struct Kinds {
        var capitals = false
        /// ' or ’, which are dropped.
        var apostrophes = false
        /// Another letter, digit or mark: the word needs Unicode's rules.
        var unicode = false
    }

    mutating func run(_ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        Self.classes.withUnsafeBufferPointer { classes in
            let count = utf8.count
            var index = 0
            while index < count {
                // Between words: skip to the first byte of the next one.
                let byte = utf8[index]
                if byte < 0x80 {
                    let kind = classes[Int(byte)]
                    if kind == 0 || kind == 3 {
                        index += 1
                        continue
                    }
                } else {
                    let (scalar, width) = decode(at: index)
                    guard let scalar, SearchText.isWordScalar(scalar) || SearchText.isMark(scalar) else {
                        index += width
                        continue
                    }
                }
                let start = index
                var kinds = Kinds()
                var hash = SearchText.fnvOffset
                // In a word: hash its folded ASCII bytes until a byte that ends it.
                word: while index < count {
                    let byte = utf8[index]
                    if byte < 0x80 {
                        switch classes[Int(byte)] {
                        case 1:
                            hash = (hash ^ UInt64(byte)) &* SearchText.fnvPrime
                        case 2:
                            hash = (hash ^ UInt64(byte | 0x20)) &* SearchText.fnvPrime
                            kinds.capitals = true
                        case 3:
                            kinds.apostrophes = true
                        default:
                            break word
                        }
                        index += 1
                        continue
                    }
                    let (scalar, width) = decode(at: index)
                    guard let scalar else { break }
                    if scalar.value == 0x2019 {
                        kinds.apostrophes = true
                    } else if SearchText.isWordScalar(scalar) || SearchText.isMark(scalar) {
                        kinds.unicode = true
                    } else {
                        break
                    }
                    index += width
                }
                finish(UnsafeBufferPointer(rebasing: utf8[start..<index]), kinds: kinds, hash: hash == 0 ? 1 : hash, body)
            }
        }
    }

    /// The scalar starting at `index` and its width in bytes; nil (width 1) for a malformed byte.
    private func decode(at index: Int) -> (Unicode.Scalar?, Int) {
        var iterator = UnsafeBufferPointer(rebasing: utf8[index...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (nil, 1) }
        return (scalar, UTF8.width(scalar))
    }

    /// Hands the word to `body` folded: as it stands, folded into the scratch buffer (ASCII with
    /// capitals or apostrophes), or through `fold` (anything else, and very long ASCII words).
    private func finish(_ word: UnsafeBufferPointer<UInt8>, kinds: Kinds, hash: UInt64,
                        _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        if !kinds.unicode && !kinds.capitals && !kinds.apostrophes {
            body(word, hash)
        } else if !kinds.unicode && word.count <= scratch.count {
            // Drop ' and ’ (E2 80 99), lowercase the rest: the bytes the hash was made of.
            var written = 0, offset = 0
            while offset < word.count {
                let byte = word[offset]
                if byte == 0xE2 {
                    offset += 3
                    continue
                }
                offset += 1
                if byte == UInt8(ascii: "\'") { continue }
                scratch[written] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                written += 1
            }
            body(UnsafeBufferPointer(rebasing: scratch[0..<written]), hash)
        } else {
            // Long ASCII words are rare; so are the others, which need Unicode's rules.
            var folded = SearchText.fold(String(decoding: word, as: UTF8.self))
            if !folded.isEmpty { folded.withUTF8 { body($0, SearchText.wordHash($0)) } }
        }
    }
}
