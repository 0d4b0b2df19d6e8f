//! HTML escaping for `{{name}}` in templates: a byte loop that copies runs of plain text whole.

/// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, the same entities as swift-mustache.
///
/// Works on UTF-8 bytes: the five characters are ASCII, and an ASCII byte never occurs inside a
/// multi-byte sequence, so the text between them is copied unchanged, one append per run. (Unlike
/// a loop over `Character`s, this also escapes a quote that a combining mark follows.)
public enum HTMLEscape {
    /// Bit `b` is set for each byte `b` below 64 that must be escaped: `"` `&` `'` `<` `>`.
    private static let specialBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specialBytes & (1 &<< UInt64(byte)) != 0
    }

    /// The escaped text.
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text`, escaped, as UTF-8 to `output`.
    @inline(__always)
    static func append(_ text: String, to output: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, to: &output)
        }
        if done == nil { append(Array(text.utf8), to: &output) }
    }

    /// Appends UTF-8 `bytes`, escaped, to `output`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            if isSpecial(byte) {
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                appendEntity(for: byte, to: &output)
                runStart = index + 1
            }
            index += 1
        }
        if runStart == 0 {
            output.append(contentsOf: bytes)
        } else if runStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    /// Appends UTF-8 `bytes`, escaped, to `output`.
    static func append(_ bytes: [UInt8], to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &output) }
    }

    private static func appendEntity(for byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B] as [UInt8])  // &amp;
        case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B] as [UInt8])  // &lt;
        case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B] as [UInt8])  // &gt;
        case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B] as [UInt8])  // &quot;
        default: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B] as [UInt8])  // &#39;
        }
    }
}
