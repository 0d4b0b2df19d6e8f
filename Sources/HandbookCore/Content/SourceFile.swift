//! One content file as text: decoded, with its line ends normalised so that line numbers hold.

import Foundation

/// A content file read from disk. `path` is relative to the content root, for messages.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
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
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .failure(.error(
                "file contains a NUL byte; it looks like a binary file, not Markdown",
                at: SourceLocation(file: path, line: line),
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
