//! Splits a file into its YAML front matter and its Markdown body, keeping line offsets.

import Foundation

/// The two parts of a content file. Lines are 1-based lines of the whole file.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the one after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyLine: Int

    /// Expects `---` on the first line and a closing `---` (or `...`) on a line of its own.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        let firstLine = text.prefix { $0 != "\n" }
        guard firstLine.trimmingCharacters(in: .whitespaces) == "---" else {
            return .failure(.error(
                "missing front matter: the file must start with a line '---'",
                at: SourceLocation(file: file.path, line: 1, column: 1),
                hint: "start the file with '---', the YAML fields (number, title, …), then '---' and the Markdown body"))
        }
        let afterOpening = text.index(after: text.firstIndex(of: "\n") ?? text.index(before: text.endIndex))
        var lineNumber = 2
        var lineStart = afterOpening
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return .success(FrontMatter(
                    yaml: String(text[afterOpening..<lineStart]),
                    yamlLine: 2,
                    body: String(text[bodyStart...]),
                    bodyLine: lineNumber + 1))
            }
            lineNumber += 1
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return .failure(.error(
            "front matter is not closed: no line '---' after the opening one",
            at: SourceLocation(file: file.path, line: 1, column: 1),
            hint: "add a line with only '---' between the YAML fields and the Markdown body"))
    }
}
