//! The ASCII shortcut for slugs gives exactly what the general, Foundation-folding path gives.

import Testing
@testable import HandbookCore

@Suite struct URLSlugTests {
    // Every ASCII character, alone and between words, in both paths.
    @Test func asciiShortcutMatchesTheGeneralPath() throws {
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            for text in [character, "A\(character)b", "\(character)\(character)Word 12\(character)"] {
                #expect(URLSlug.asciiSlug(text) == URLSlug.foldedSlug(text), "\(text.debugDescription)")
            }
        }
        for text in ["Fix the problem first, find the cause later", "  -- Why it works? --  ", "", "Try this: 3 Steps!"] {
            #expect(URLSlug.asciiSlug(text) == URLSlug.foldedSlug(text))
        }
    }

    @Test func otherScriptsTakeTheGeneralPath() {
        #expect(URLSlug.asciiSlug("Café crème") == nil)
        #expect(URLSlug.make("Café crème") == "cafe-creme")
        #expect(URLSlug.make("Ｗide 東京") == "wide-東京")
    }
}
