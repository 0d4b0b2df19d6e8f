//! Replacing text Unicode scalar by scalar, as Foundation's `replacingOccurrences` did: the
//! standard library's `replacing` compares whole characters, so it would miss the `\r` of a
//! `\r\n` or a quote followed by a combining accent.

extension String {
    func replacingScalars(_ target: String, with replacement: String) -> String {
        String(unicodeScalars.replacing(target.unicodeScalars, with: replacement.unicodeScalars))
    }
}
