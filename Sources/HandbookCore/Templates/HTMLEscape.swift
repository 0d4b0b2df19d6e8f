//! HTML escaping, for `{{name}}` in templates and for the text Handbook writes into HTML itself.

/// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, the same entities as swift-mustache.
/// On UTF-8 bytes: an ASCII byte never occurs inside a multi-byte sequence.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Most text has nothing to escape and is copied whole, without a second pass.
    static func append(_ text: String, to output: inout [UInt8]) {
        let span = text.utf8.span
        var first = 0
        while first < span.count, entity(for: span[first]) == nil { first += 1 }
        if first == span.count {
            output.append(contentsOf: text.utf8)
        } else {
            append(Array(text.utf8), from: first, to: &output)
        }
    }

    static func append(_ bytes: [UInt8], from start: Int = 0, to output: inout [UInt8]) {
        output.append(contentsOf: bytes[..<start])
        var runStart = start
        for index in start..<bytes.count {
            guard let entity = entity(for: bytes[index]) else { continue }
            output.append(contentsOf: bytes[runStart..<index])
            output.append(contentsOf: entity)
            runStart = index + 1
        }
        output.append(contentsOf: bytes[runStart...])
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
