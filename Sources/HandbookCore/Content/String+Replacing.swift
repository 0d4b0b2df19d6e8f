//! Replacing an ASCII string everywhere in a text, on its UTF-8 bytes.

extension String {
    /// The text with every occurrence of `target` replaced by `replacement`, scanning left to
    /// right without overlaps, as `replacingOccurrences(of:with:)` does. `target` must be ASCII,
    /// so that a match can never start or end inside a multi-byte character. Foundation's
    /// version goes through UTF-16 and takes milliseconds on a 24 KB stylesheet.
    func replacingASCII(_ target: String, with replacement: String) -> String {
        precondition(!target.isEmpty && target.utf8.allSatisfy { $0 < 0x80 }, "the target must be ASCII")
        let pattern = Array(target.utf8), insert = Array(replacement.utf8)
        var text = self
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            var copied = 0, index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    if result.isEmpty { result.reserveCapacity(bytes.count + 64) }
                    result.append(contentsOf: bytes[copied..<index])
                    result.append(contentsOf: insert)
                    index += pattern.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return self }
            result.append(contentsOf: bytes[copied...])
            return String(decoding: result, as: UTF8.self)
        }
    }
}
