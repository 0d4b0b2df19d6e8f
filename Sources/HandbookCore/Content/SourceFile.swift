//! One content file as text: decoded, with its line ends normalised so that line numbers hold.

import FoundationEssentials

/// A content file read from disk. `path` is as messages show it (`content/tips/012-listen.md`).
public struct SourceFile: Sendable {
    public var path: String
    public var text: String
    /// The file system's time of its last change, in seconds since 1970 (nil when not read from disk).
    public var modified: Int?

    public init(path: String, text: String, modified: Int? = nil) {
        self.path = path
        self.text = text
        self.modified = modified
    }

    /// Decodes bytes as UTF-8 (a leading byte-order mark is dropped) and turns CRLF and lone CR
    /// into LF, so that a line counted here is the line an editor shows.
    public static func decode(_ data: Data, path: String) -> Result<SourceFile, Diagnostic> {
        decode(bytes: Array(data)[...], path: path)
    }

    /// `decode(_:path:)` on bytes in memory.
    static func decode(bytes: ArraySlice<UInt8>, path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if looksLikeUTF16(bytes) {
            return .failure(.error("file is UTF-16 text, not UTF-8", at: SourceLocation(file: path, line: 1, column: 1),
                                   hint: "save the file as UTF-8 in your editor (in its 'Save as' or 'Encoding' menu)"))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = bytes[..<nul].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            // Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) starts none.
            let column = bytes[lineStart..<nul].filter { $0 & 0xC0 != 0x80 }.count + 1
            return .failure(.error(
                "file contains a NUL byte; it looks like a binary file, not Markdown",
                at: SourceLocation(file: path, line: line, column: column),
                hint: "remove the file from the content folder or save it as plain UTF-8 text"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: bytes)
            return .failure(.error(
                "file is not valid UTF-8 text",
                at: SourceLocation(file: path, line: line, column: column),
                hint: "save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252)"))
        }
        return .success(SourceFile(path: path, text: bytes.contains(13) ? normaliseLineEnds(text) : text))
    }

    /// A UTF-16 byte-order mark, or the NUL of every other byte that UTF-16 gives ASCII text.
    private static func looksLikeUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let head = Array(bytes.prefix(64))
        guard head.count >= 8 else { return false }
        let even = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        return (even == 0 && odd * 10 >= head.count * 4) || (odd == 0 && even * 10 >= head.count * 4)
    }

    static func normaliseLineEnds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingASCII("\r\n", with: "\n").replacingASCII("\r", with: "\n")
    }

    private static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, index - lineStart + 1)
            }
            if byte == 0x0A { line += 1; lineStart = end }
            index = end
        }
        return (line, 1)
    }
}
