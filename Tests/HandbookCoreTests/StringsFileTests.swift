//! Strings files read through libyaml must give what Yams gave: the default theme's files and
//! awkward values; a value that is not text, or a key written twice, makes the file unreadable.

import Foundation
import Testing
import Yams
@testable import HandbookCore

@Suite struct StringsFileTests {
    static func byYams(_ text: String) throws -> [String: String]? {
        (try Yams.load(yaml: text, .basic) as? [String: Any])?.mapValues { "\($0)" }
    }

    @Test func theDefaultThemesFilesReadAsYamsReadsThem() throws {
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default")
        let files = ["strings/en.yml", "strings/nl.yml", "booklet/strings/en.yml", "booklet/strings/nl.yml"]
        for file in files {
            let text = try String(contentsOf: theme.appendingPathComponent(file), encoding: .utf8)
            let entries = try #require(try StringsFile.entries(of: text))
            #expect(entries == (try Self.byYams(text)), "\(file)")
            #expect(entries.count > 5, "\(file)")
        }
    }

    @Test func awkwardValuesReadAsYamsReadsThem() throws {
        let texts = [
            "a: 1.50\nb: ~\nc: yes\nd:\n# note\ne: \"say \\\"hi\\\"\"\nf: 'it''s'\ng: Loading…  \n",
            "a: x:y\n", "a: |\n  block\n", "a: b # comment\n", "'quoted key': v\n",
        ]
        for text in texts {
            #expect(try StringsFile.entries(of: text) == (try Self.byYams(text)), "\(text.debugDescription)")
        }
        for text in ["- a\n- b\n", "a: [x, y]\n", "a:\n  b: c\n", "a: x\na: y\n", "[a]: x\n"] {
            #expect(try StringsFile.entries(of: text) == nil, "\(text.debugDescription)")
        }
        #expect(throws: YAMLSyntaxError.self) { try StringsFile.entries(of: "a: [x\n") }
    }
}
