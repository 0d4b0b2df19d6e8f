//! Seconds, milliseconds and MiB as the CLI prints them, with one decimal.

/// `value` with one decimal, right-aligned in `width` characters: `String(format: "%6.1f")`.
func oneDecimal(_ value: Double, width: Int = 0) -> String {
    let tenths = Int((value * 10).rounded())
    let text = (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    return String(repeating: " ", count: max(0, width - text.count)) + text
}
