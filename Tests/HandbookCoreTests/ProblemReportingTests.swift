//! Every problem in one run, each exactly once, each with its file, line and column (issue 23,
//! fault 12): no follow-on errors from a tip that failed, no error without a place, and the
//! encodings and numbers a contributor gets wrong named for what they are.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ProblemReportingTests {
    private func problems(bytes: [UInt8], at path: String) -> [String] {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write(Data(bytes), to: "content/" + path)
        return fixture.problems()
    }

    @Test func aTipThatFailedStillCountsForTheReferencesOfOthers() {
        // Tip 1 has an error of its own; tips 2 and 3 name it as related and must not be blamed.
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/001-one.md": ContentFixture.tip(1, title: "One", related: "[2]", extra: "colour: red\n"),
        ]))
        #expect(fixture.problems() == [
            "content/tips/001-one.md:8:1: error: unknown key 'colour'\n    hint: allowed keys are number, title, chapter, themes, related, summary, flywheel_step, draft",
        ])
    }

    @Test func aNULByteHasALineAndAColumn() {
        #expect(problems(bytes: Array("---\nnumber: 4\ntitle: A\u{0}B\n".utf8), at: "tips/004-x.md") == [
            "content/tips/004-x.md:3:9: error: file contains a NUL byte; it looks like a binary file, not Markdown\n    hint: remove the file from the content folder or save it as plain UTF-8 text",
        ])
    }

    @Test func anEmptyBodyHasALineAndAColumn() {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: ""),
        ]))
        #expect(fixture.problems().first?.hasPrefix("content/tips/004-x.md:8:1: error: the tip has no text after its front matter") == true)
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF]]) func utf16IsNamedAsSuch(mark: [UInt8]) {
        let text = ContentFixture.tip(4, related: "[1]")
        let bytes = mark == [0xFF, 0xFE] ? Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            : Array(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(problems(bytes: mark + bytes, at: "tips/004-x.md") == [
            "content/tips/004-x.md:1:1: error: file is UTF-16 text, not UTF-8\n    hint: save the file as UTF-8 in your editor (in its 'Save as' or 'Encoding' menu)",
        ])
    }

    @Test func aDuplicateKeyIsReportedWhereItIsRepeated() {
        let flat = ContentFixture.tip(4, related: "[1]", extra: "title: Again\n")
        let nested = ContentFixture.tip(4, related: "[1]", extra: "title: Again\nlist:\n  - a\n")
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-x.md": flat, "tips/005-y.md": nested.replacingOccurrences(of: "number: 4", with: "number: 5")]))
        let found = fixture.problems()
        #expect(found.contains { $0.hasPrefix("content/tips/004-x.md:8:1: error: duplicate key 'title'") })
        #expect(found.contains { $0.hasPrefix("content/tips/005-y.md:8:1: error: duplicate key 'title'") })
    }

    @Test(arguments: [0, -3]) func tipNumbersStartAtOne(number: Int) {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-x.md": ContentFixture.tip(number, related: "[1]"),
        ]))
        #expect(fixture.problems() == [
            "content/tips/004-x.md:2:9: error: 'number' must be 1 or more, found \(number)\n    hint: number the tips from 1 (handbook new tip picks the next free number)",
        ])
    }
}

extension ProblemReportingTests {
    @Test func aFrontMatterErrorDoesNotHideTheBodysErrors() {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-x.md": ContentFixture.tip(4, chapter: 99, related: "[1]", body: "See [a](tip:77) and [b](tip:78).\n\n**How you'll know:** a sign."),
        ]))
        let problems = fixture.problems()
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.first?.hasPrefix("content/tips/004-x.md:4:10: error: ") == true)
        #expect(problems.dropFirst().allSatisfy { $0.hasPrefix("content/tips/004-x.md:9:") && $0.contains("which does not exist") })
    }
}

extension ProblemReportingTests {
    /// YAML counts U+2028, U+2029 and U+0085 as line breaks; editors show them inside a line.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"]) func unicodeLineSeparatorsInAValueKeepLineNumbers(separator: String) {
        let text = ContentFixture.tip(4, title: "\"Two\(separator)lines\"", themes: "[empaty]", related: "[1]")
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-x.md": text]))
        #expect(fixture.problems() == [
            "content/tips/004-x.md:5:10: error: unknown theme 'empaty'\n    hint: did you mean 'empathy'?",
        ])
    }
}
