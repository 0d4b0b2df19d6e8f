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
    /// Works on the UTF-8 bytes (line ends are already normalised to LF by `SourceFile`).
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        // Byte offsets of the YAML and the body, found on the bytes; the parts are then copied
        // out of the (valid) text as substrings, which is not validated again.
        let found: Result<(yaml: Range<Int>, body: Int, bodyLine: Int), Diagnostic> = {
            let bytes = Array(text.utf8)
            let newline = UInt8(ascii: "\n")
            let firstEnd = bytes.firstIndex(of: newline) ?? bytes.count
            guard isFence(bytes[0..<firstEnd], allowDots: false) else {
                return .failure(.error(
                    "missing front matter: the file must start with a line '---'",
                    at: SourceLocation(file: file.path, line: 1, column: 1),
                    hint: "start the file with '---', the YAML fields (number, title, …), then '---' and the Markdown body"))
            }
            let afterOpening = min(firstEnd + 1, bytes.count)
            var lineNumber = 2
            var lineStart = afterOpening
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
                if isFence(bytes[lineStart..<lineEnd], allowDots: true) {
                    return .success((afterOpening..<lineStart, min(lineEnd + 1, bytes.count), lineNumber + 1))
                }
                lineNumber += 1
                lineStart = lineEnd + 1
            }
            return .failure(.error(
                "front matter is not closed: no line '---' after the opening one",
                at: SourceLocation(file: file.path, line: 1, column: 1),
                hint: "add a line with only '---' between the YAML fields and the Markdown body"))
        }()
        return found.map { parts in
            // Every offset is just after a line break (or the end), so on a character boundary.
            let utf8 = text.utf8
            let index = { utf8.index(utf8.startIndex, offsetBy: $0) }
            return FrontMatter(yaml: String(text[index(parts.yaml.lowerBound)..<index(parts.yaml.upperBound)]), yamlLine: 2,
                               body: String(text[index(parts.body)...]), bodyLine: parts.bodyLine)
        }
    }

    /// Whether a line is `---` (or `...`) with only whitespace around it. Spaces and tabs are
    /// trimmed here; a line with other bytes is trimmed of every Unicode space, so "\u{A0}---"
    /// still counts.
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
