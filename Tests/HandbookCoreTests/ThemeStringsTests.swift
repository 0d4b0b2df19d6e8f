//! Interface strings are text: a value that YAML could read as a number, a flag or null is
//! shown as it is written.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ThemeStringsTests {
    @Test func stringsAreShownAsWritten() throws {
        let folder = TemporaryDirectory()
        let theme = folder.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        let english = try String(contentsOf: theme.appendingPathComponent("strings/en.yml"), encoding: .utf8)
        try (english + "\nprice: 1.50\nnothing: ~\nanswer: yes\ncount: 0x10\n")
            .write(to: theme.appendingPathComponent("strings/en.yml"), atomically: true, encoding: .utf8)
        let (loaded, problems) = SiteTheme.load(from: UserPath(url: theme, shown: "theme"), language: "en")
        #expect(problems.isEmpty)
        let strings = try #require(loaded).strings
        #expect(strings["price"] == "1.50")
        #expect(strings["nothing"] == "~")
        #expect(strings["answer"] == "yes")
        #expect(strings["count"] == "0x10")
        #expect(strings["all_tips"] == "All tips")
    }
}
