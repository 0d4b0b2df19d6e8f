//! Trimming whitespace off both ends of a string, quickly in the usual case.

extension String {
    /// The string without leading and trailing whitespace (`Character.isWhitespace`, so Unicode
    /// spaces too). Text that starts and ends with a visible ASCII character, nearly every title,
    /// link and key, is returned as it is without walking its characters.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last,
           first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F {
            return self
        }
        var view = self[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
