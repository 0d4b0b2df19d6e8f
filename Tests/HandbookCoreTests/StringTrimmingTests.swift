//! `trimmingWhitespace()` cuts ASCII spaces by byte; it must cut exactly what a walk over
//! characters with `Character.isWhitespace` cuts, combining marks and Unicode spaces included.

import Testing
@testable import HandbookCore

@Suite struct StringTrimmingTests {
    /// The rule as written: characters off both ends while they are whitespace.
    static func trimmedByCharacters(_ text: String) -> String {
        var view = text[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }

    @Test func cutsWhatACharacterWalkCuts() {
        let pieces = [" ", "\n", "\t", "\r\n", "\r", "\u{0B}", "a", "Z", "é", "e\u{301}", "\u{301}", "\u{00A0}", "\u{2003}",
                      "\u{85}", ".", "\u{1}", "”", "Try this"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let trimmed = text.trimmingWhitespace()
            #expect(Array(trimmed.utf8) == Array(Self.trimmedByCharacters(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func knownCases() {
        #expect("  Listen first \n".trimmingWhitespace() == "Listen first")
        #expect(" \u{301}x".trimmingWhitespace() == Self.trimmedByCharacters(" \u{301}x"))
        #expect("\u{2003}Café\u{00A0}".trimmingWhitespace() == "Café")
        #expect(" \r\n\t ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }
}
