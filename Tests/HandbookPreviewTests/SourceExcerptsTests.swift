//! The error panel's quoted lines: numbered as the loader numbers them (CRLF and CR end lines),
//! never read from a file too large to build.

import Foundation
import HandbookCore
import Testing
@testable import HandbookPreview

@Suite struct SourceExcerptsTests {
    @Test func quotesTheLinesProblemsPointAtButNotFromAFileTooLargeToBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("excerpts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("first\r\nsecond\r\nthird\rfourth\n".utf8).write(to: folder.appendingPathComponent("small.md"))
        // Sparse: as large as the loader refuses, without writing its bytes.
        let large = folder.appendingPathComponent("large.md")
        try Data("x\n".utf8).write(to: large)
        #expect(truncate(large.path, off_t(ContentLoader.maxFileSize + 1)) == 0)
        let problems: [Diagnostic] = [.error("a", at: SourceLocation(file: "content/small.md", line: 2)),
                                      .error("b", at: SourceLocation(file: "content/small.md", line: 4)),
                                      .error("c", at: SourceLocation(file: "content/large.md", line: 1))]
        let lines = SourceExcerpts.lines(for: problems, roots: [UserPath(url: folder, shown: "content")])
        #expect(lines == [SourceLocation(file: "content/small.md", line: 2): "second",
                          SourceLocation(file: "content/small.md", line: 4): "fourth"])
    }
}
