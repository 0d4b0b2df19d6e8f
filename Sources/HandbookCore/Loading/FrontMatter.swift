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
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var afterOpening = utf8.endIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            guard let marker = marker(utf8[lineStart..<lineEnd]) else { return splitByCharacters(file) }
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineNumber == 1 {
                guard marker == .opening else { return splitByCharacters(file) }
                afterOpening = next
            } else if marker != .none {
                return .success(FrontMatter(
                    yaml: String(text[afterOpening..<lineStart]),
                    yamlLine: 2,
                    body: String(text[next...]),
                    bodyLine: lineNumber + 1))
            }
            lineNumber += 1
            lineStart = next
        }
        return splitByCharacters(file)
    }

    private enum Marker {
        case opening, closing, none
    }

    /// `---`, `...` or neither, with spaces and tabs around; nil when only the Character-wise
    /// reading can tell: a carriage return (part of a "\r\n" Character) or Unicode spaces.
    private static func marker(_ line: Substring.UTF8View) -> Marker? {
        var start = line.startIndex, end = line.endIndex
        while start < end, line[start] == 32 || line[start] == 9 { start = line.index(after: start) }
        while start < end, line[line.index(before: end)] == 32 || line[line.index(before: end)] == 9 {
            end = line.index(before: end)
        }
        let word = line[start..<end]
        if word.elementsEqual("---".utf8) { return .opening }
        if word.elementsEqual("...".utf8) { return .closing }
        var unicode = false, visible = 0
        for byte in line {
            if byte == 13 { return nil }
            if byte >= 0x80 { unicode = true } else if byte != 32 && byte != 9 { visible += 1 }
        }
        guard unicode, visible == 3 else { return Marker.none }
        // Foundation also trims Unicode spaces: a marker among them is for it to find.
        let core = line.filter { $0 < 0x80 && $0 != 32 && $0 != 9 }
        return core.elementsEqual("---".utf8) || core.elementsEqual("...".utf8) ? nil : Marker.none
    }

    /// The reference reading, Character by Character: for text with carriage returns, non-ASCII
    /// marker lines, and every file that turns out to have no front matter or no closing line.
    static func splitByCharacters(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
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
