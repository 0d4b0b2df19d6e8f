//! Splits a file into its YAML front matter and its Markdown body, keeping line offsets.

import FoundationEssentials

/// The two parts of a content file. Lines are 1-based lines of the whole file.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the one after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyLine: Int

    /// Expects `---` on the first line and a closing `---` (or `...`) on a line of its own.
    /// Line ends are already LF (`SourceFile`).
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        let bytes = Array(text.utf8)
        let newline = UInt8(ascii: "\n")
        let firstEnd = bytes.firstIndex(of: newline) ?? bytes.count
        guard isFence(bytes[0..<firstEnd], allowDots: false) else {
            return .failure(.error(
                "missing front matter: the file must start with a line '---'",
                at: SourceLocation(file: file.path, line: 1, column: 1),
                hint: "start the file with '---', the YAML fields (number, title, …), then '---' and the Markdown body"))
        }
        let yamlStart = min(firstEnd + 1, bytes.count)
        var lineNumber = 2
        var lineStart = yamlStart
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            if isFence(bytes[lineStart..<lineEnd], allowDots: true) {
                // Offsets just after a line break (or the end) are on character boundaries: the
                // parts are cut out of the text without being validated again.
                let index = { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
                return .success(FrontMatter(yaml: String(text[index(yamlStart)..<index(lineStart)]), yamlLine: 2,
                                            body: String(text[index(min(lineEnd + 1, bytes.count))...]), bodyLine: lineNumber + 1))
            }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
        return .failure(.error(
            "front matter is not closed: no line '---' after the opening one",
            at: SourceLocation(file: file.path, line: 1, column: 1),
            hint: "add a line with only '---' between the YAML fields and the Markdown body"))
    }

    /// Whether a line is `---` (or `...`) with only whitespace around it, Unicode spaces too ("\u{A0}---").
    private static func isFence(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var start = line.startIndex, end = line.endIndex
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        if end - start == 3 {
            let first = line[start]
            if (first == UInt8(ascii: "-") || (allowDots && first == UInt8(ascii: "."))),
               line[start + 1] == first, line[start + 2] == first {
                return true
            }
        }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        let trimmed = trimmingSpaces(String(decoding: line, as: UTF8.self))
        return trimmed == "---" || (allowDots && trimmed == "...")
    }

    /// Without the spaces of any kind (Unicode's space separators) and tabs at either end.
    private static func trimmingSpaces(_ text: String) -> String {
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
