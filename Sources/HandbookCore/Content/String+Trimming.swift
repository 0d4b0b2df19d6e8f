//! Trimming whitespace off both ends of a string, quickly in the usual case.

extension String {
    /// The string without leading and trailing whitespace (`Character.isWhitespace`, so Unicode
    /// spaces too). Text that starts and ends with a visible ASCII character, nearly every title,
    /// link and key, is returned as it is without walking its characters; ASCII spaces and line
    /// breaks at the ends are cut off by byte, and only a non-ASCII end is read as characters.
    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return self }
        var start = bytes.startIndex, end = bytes.endIndex
        // A leading space is cut by byte only when an ASCII byte follows it: a combining mark
        // after it would make the two one character, which the character loop below judges.
        while start < end, Self.isASCIIWhitespace(bytes[start]) {
            let next = bytes.index(after: start)
            if next < end, bytes[next] >= 0x80 { break }
            start = next
        }
        // A trailing space is a character of its own (marks attach to what precedes them).
        while start < end, Self.isASCIIWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        var view = self[start..<end]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return view.startIndex == startIndex && view.endIndex == endIndex ? self : String(view)
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
