//! Splitting front matter from body, decoding bytes, and line numbers that survive both.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let file = SourceFile(path: "t.md", text: "---\nnumber: 1\ntitle: A\n---\nBody line\n")
        let parts = try FrontMatter.split(file).get()
        #expect(parts.yaml == "number: 1\ntitle: A\n")
        #expect(parts.yamlLine == 2)
        #expect(parts.body == "Body line\n")
        #expect(parts.bodyLine == 5)
    }

    @Test func missingClosingLineIsAnError() {
        let file = SourceFile(path: "content/tips/001-a.md", text: "---\nnumber: 1\ntitle: A\nBody\n")
        guard case .failure(let diagnostic) = FrontMatter.split(file) else { Issue.record("expected failure"); return }
        #expect(diagnostic.description == """
            content/tips/001-a.md:1:1: error: front matter is not closed: no line '---' after the opening one
                hint: add a line with only '---' between the YAML fields and the Markdown body
            """)
    }

    @Test func missingOpeningLineIsAnError() {
        let file = SourceFile(path: "x.md", text: "number: 1\n")
        guard case .failure(let diagnostic) = FrontMatter.split(file) else { Issue.record("expected failure"); return }
        #expect(diagnostic.message == "missing front matter: the file must start with a line '---'")
    }

    @Test func byteOrderMarkAndCRLFAreNormalised() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nnumber: 1\r\n---\r\nText\rMore\r\n".utf8)
        let file = try SourceFile.decode(Data(bytes), path: "a.md").get()
        #expect(file.text == "---\nnumber: 1\n---\nText\nMore\n")
    }

    @Test func latin1BytesAreReportedWithTheirLine() {
        let bytes: [UInt8] = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        guard case .failure(let diagnostic) = SourceFile.decode(Data(bytes), path: "content/tips/009-x.md") else {
            Issue.record("expected failure"); return
        }
        #expect(diagnostic.description == """
            content/tips/009-x.md:2:11: error: file is not valid UTF-8 text
                hint: save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252)
            """)
    }

    @Test func nulBytesMeanABinaryFile() {
        guard case .failure(let diagnostic) = SourceFile.decode(Data([0x2D, 0x0A, 0x00, 0x01]), path: "b.md") else {
            Issue.record("expected failure"); return
        }
        #expect(diagnostic.description.hasPrefix("b.md:2:1: error: file contains a NUL byte"))
    }
}
