//! HTML escaping, for `{{name}}` in templates and for the text Handbook writes into HTML itself.

/// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, the same entities as swift-mustache.
///
/// Works on UTF-8 bytes: the five characters are ASCII, and an ASCII byte never occurs inside a
/// multi-byte sequence, so the text between them is copied unchanged, one append per run.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends UTF-8 `bytes`, escaped, to `output`.
    static func append<Bytes: Collection<UInt8>>(_ bytes: Bytes, to output: inout [UInt8]) {
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if let entity = entity(for: bytes[index]) {
                output.append(contentsOf: bytes[runStart..<index])
                output.append(contentsOf: entity)
                runStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        output.append(contentsOf: bytes[runStart..<index])
    }

    private static let entities: [[UInt8]] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map { Array($0.utf8) }

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): entities[0]
        case UInt8(ascii: "<"): entities[1]
        case UInt8(ascii: ">"): entities[2]
        case UInt8(ascii: "\""): entities[3]
        case UInt8(ascii: "'"): entities[4]
        default: nil
        }
    }
}
