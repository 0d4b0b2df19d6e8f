//! Unicode decomposition and folding through utf8proc: FoundationEssentials has neither, and
//! full Foundation would bring its 34 MB of ICU data into the program for these two calls.

import CUTF8Proc
import Glibc

enum UnicodeFolding {
    /// Canonical decomposition (NFD): "é" becomes "e" and a combining acute accent.
    static func decomposed(_ text: String) -> String {
        map(text, UTF8PROC_STABLE.rawValue | UTF8PROC_DECOMPOSE.rawValue)
    }

    /// Full-width Latin letters, digits and signs made plain, accents dropped and case folded,
    /// then composed again, as Foundation's folding did: "Café Ｗ" becomes "cafe w".
    static func folded(_ text: String) -> String {
        let narrowed = String(String.UnicodeScalarView(text.unicodeScalars.map(narrow)))
        return map(narrowed, UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue
                           | UTF8PROC_STRIPMARK.rawValue | UTF8PROC_CASEFOLD.rawValue)
    }

    /// "Ｗ" (U+FF37) is "W": the full-width forms of ASCII sit 0xFEE0 above it.
    private static func narrow(_ scalar: UnicodeScalar) -> UnicodeScalar {
        (0xFF01...0xFF5E).contains(scalar.value) ? UnicodeScalar(scalar.value - 0xFEE0)! : scalar
    }

    private static func map(_ text: String, _ options: UInt32) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // utf8proc allocates the result; it is copied into a String and freed.
            var result: UnsafeMutablePointer<utf8proc_uint8_t>?
            let length = utf8proc_map(bytes.baseAddress, bytes.count, &result, utf8proc_option_t(rawValue: options))
            defer { free(result) }
            guard length >= 0, let result else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
