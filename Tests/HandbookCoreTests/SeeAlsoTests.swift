//! One "See also" per tip: related first, then one-way related pairs seen from the other side,
//! then the tips that link to it, each once.

import Testing
@testable import HandbookCore

@Suite struct SeeAlsoTests {
    private static func tip(_ number: Int, related: [Int] = [], body: String = "Text.") -> String {
        "---\nnumber: \(number)\ntitle: Tip \(number)\nchapter: 1\nthemes: [leadership]\nrelated: \(related)\n---\n\(body)\n"
    }

    @Test func relatedFirstThenListedByThenLinkedFromEachOnce() throws {
        var files = ContentFixture.standard().filter { !$0.key.hasPrefix("tips/") }
        files["tips/001-a.md"] = Self.tip(1, related: [3])
        files["tips/002-b.md"] = Self.tip(2, related: [1], body: "See [one](tip:1) and [four](tip:4).")
        files["tips/003-c.md"] = Self.tip(3, related: [1])
        files["tips/004-d.md"] = Self.tip(4, body: "Back to [one](tip:1).")
        let pages = try ContentFixture(files).pages()
        let one = try #require(pages.first { $0.key.hasPrefix("tips/001-") }?.value)
        let section = try #require(one.components(separatedBy: "class=\"see-also\"").dropFirst().first)
            .components(separatedBy: "</section>")[0]
        let listed = section.components(separatedBy: "href=\"../tips/").dropFirst().map { String($0.prefix(3)) }
        // 3 is related; 2 lists 1 as related (a one-way pair) and links to it: shown once; 4 links to it.
        #expect(listed == ["003", "002", "004"])
        #expect(!one.contains("Referenced by"))
        let four = try #require(pages.first { $0.key.hasPrefix("tips/004-") }?.value)
        #expect(four.contains("../tips/002-b.html\""), "tip 2 links to tip 4, so tip 4 shows it")
    }
}
