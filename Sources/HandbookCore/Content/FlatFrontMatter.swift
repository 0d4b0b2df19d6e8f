//! A strict reader for flat front matter (`key: value` lines), many times cheaper than Yams.

/// Reads the common subset of front matter straight into located values: one `key: value` per
/// line, the value a plain or quoted scalar, a one-line `[a, b]` list of them, or nothing; blank
/// and `# comment` lines between. For anything else, even valid YAML, it returns nil and Yams
/// reads the text instead, so values, marks and error messages are always Yams' own.
enum FlatFrontMatter {
    static func parse(_ yaml: String) -> [YAMLValue.Pair]? {
        var reader = FlatReader(bytes: Array(yaml.utf8))
        return reader.document()
    }
}

/// A cursor over the YAML bytes; every method returns nil when the text leaves the subset.
private struct FlatReader {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    /// End of the current line (the index of its `\n`, or the end of the text).
    var end = 0
    // Marks are asked for left to right, so columns are counted on from the last one.
    var countedTo = 0
    var countedColumn = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() -> [YAMLValue.Pair]? {
        var pairs: [YAMLValue.Pair] = []
        var names = Set<String>()
        while position < bytes.count {
            end = position
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            guard Self.isPlainText(bytes, from: position, to: end) else { return nil }
            countedTo = position
            countedColumn = 1
            if position < end && bytes[position] != UInt8(ascii: "#") {
                guard let pair = entry() else { return nil }
                guard let name = pair.key.scalar?.text, names.insert(name).inserted else { return nil }
                pairs.append(pair)
            }
            position = end + 1
            line += 1
        }
        return pairs.isEmpty ? nil : pairs
    }

    // MARK: - Lines and values

    /// `key: value` or `key:`, the key a word starting at the first column.
    private mutating func entry() -> YAMLValue.Pair? {
        let keyStart = position
        guard Self.isKeyStart(bytes[position]) else { return nil }
        while position < end && Self.isKeyByte(bytes[position]) { position += 1 }
        // libyaml refuses long implicit keys; leave those to it.
        guard position - keyStart <= 128, position < end, bytes[position] == UInt8(ascii: ":") else { return nil }
        let key = YAMLValue(.scalar(.init(text: text(keyStart, position), style: .plain)),
                            at: .init(line: line, column: 1))
        position += 1
        // An empty value is marked just after the colon, as libyaml marks it.
        let afterColon = YAMLValue.Mark(line: line, column: position - keyStart + 1)
        if position < end {
            guard bytes[position] == UInt8(ascii: " ") else { return nil }
            skipSpaces()
        }
        if position == end {
            return .init(key: key, value: YAMLValue(.scalar(.init(text: "", style: .plain)), at: afterColon))
        }
        let value: YAMLValue
        switch bytes[position] {
        case UInt8(ascii: "\""): guard let quoted = doubleQuoted() else { return nil }; value = quoted
        case UInt8(ascii: "'"): guard let quoted = singleQuoted() else { return nil }; value = quoted
        case UInt8(ascii: "["): guard let list = flowSequence() else { return nil }; value = list
        default: return plainToEndOfLine().map { .init(key: key, value: $0) }
        }
        skipSpaces()
        return position == end ? .init(key: key, value: value) : nil
    }

    /// A plain scalar filling the rest of the line, trailing spaces dropped.
    private mutating func plainToEndOfLine() -> YAMLValue? {
        let start = position
        guard startsPlain(at: start) else { return nil }
        var last = start
        for index in start..<end {
            switch bytes[index] {
            // `: ` would start a nested mapping and ` #` a comment: both are Yams' business.
            case UInt8(ascii: ":"): if index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "#"): if bytes[index - 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: " "): continue
            default: break
            }
            last = index
        }
        position = end
        return YAMLValue(.scalar(.init(text: text(start, last + 1), style: .plain)), at: mark(at: start))
    }

    /// `[a, "b", 'c']` on one line; `[]` is an empty list.
    private mutating func flowSequence() -> YAMLValue? {
        let opening = mark(at: position)
        position += 1
        var items: [YAMLValue] = []
        while true {
            skipSpaces()
            guard position < end else { return nil }
            if bytes[position] == UInt8(ascii: "]") && items.isEmpty {
                position += 1
                break
            }
            guard let item = flowItem() else { return nil }
            items.append(item)
            skipSpaces()
            guard position < end else { return nil }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                break
            }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
        return YAMLValue(.sequence(items), at: opening)
    }

    private mutating func flowItem() -> YAMLValue? {
        switch bytes[position] {
        case UInt8(ascii: "\""): return doubleQuoted()
        case UInt8(ascii: "'"): return singleQuoted()
        default: break
        }
        let start = position
        guard startsPlain(at: start) else { return nil }
        var last = start
        while position < end && bytes[position] != UInt8(ascii: ",") && bytes[position] != UInt8(ascii: "]") {
            let byte = bytes[position]
            if byte != UInt8(ascii: " ") {
                // Inside a flow list these may end the item or start a key; stay out of it.
                guard byte >= 0x80 || !Self.flowSpecial[Int(byte)] else { return nil }
                last = position
            }
            position += 1
        }
        return YAMLValue(.scalar(.init(text: text(start, last + 1), style: .plain)), at: mark(at: start))
    }

    /// `"…"` closed on the same line, with only `\"` and `\\` as escapes.
    private mutating func doubleQuoted() -> YAMLValue? {
        let opening = mark(at: position)
        position += 1
        var unescaped: [UInt8] = []
        var copiedTo = position
        while true {
            guard position < end else { return nil }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < end,
                      bytes[position + 1] == UInt8(ascii: "\"") || bytes[position + 1] == UInt8(ascii: "\\") else {
                    return nil
                }
                unescaped.append(contentsOf: bytes[copiedTo..<position])
                copiedTo = position + 1
                position += 2
            } else {
                position += 1
            }
        }
        let string = quotedText(unescaped, from: copiedTo)
        position += 1
        return YAMLValue(.scalar(.init(text: string, style: .doubleQuoted)), at: opening)
    }

    /// `'…'` closed on the same line, `''` standing for one quote.
    private mutating func singleQuoted() -> YAMLValue? {
        let opening = mark(at: position)
        position += 1
        var unescaped: [UInt8] = []
        var copiedTo = position
        while true {
            guard position < end else { return nil }
            if bytes[position] == UInt8(ascii: "'") {
                guard position + 1 < end && bytes[position + 1] == UInt8(ascii: "'") else { break }
                unescaped.append(contentsOf: bytes[copiedTo...position])
                copiedTo = position + 2
                position += 2
            } else {
                position += 1
            }
        }
        let string = quotedText(unescaped, from: copiedTo)
        position += 1
        return YAMLValue(.scalar(.init(text: string, style: .singleQuoted)), at: opening)
    }

    // MARK: - Helpers

    private func quotedText(_ unescaped: [UInt8], from copiedTo: Int) -> String {
        if unescaped.isEmpty { return text(copiedTo, position) }
        return String(decoding: unescaped + bytes[copiedTo..<position], as: UTF8.self)
    }

    private func text(_ start: Int, _ stop: Int) -> String {
        String(decoding: bytes[start..<stop], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while position < end && bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    /// A plain scalar may not start with an indicator; `-` only when a word follows (`-3`).
    private func startsPlain(at index: Int) -> Bool {
        let byte = bytes[index]
        guard byte < 0x80, Self.indicators[Int(byte)] else { return true }
        guard byte == UInt8(ascii: "-"), index + 1 < end else { return false }
        let next = bytes[index + 1]
        return next != UInt8(ascii: " ") && next != UInt8(ascii: ",") && next != UInt8(ascii: "]")
    }

    /// libyaml counts columns in Unicode scalars: every byte but UTF-8 continuation bytes.
    private mutating func mark(at index: Int) -> YAMLValue.Mark {
        while countedTo < index {
            if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
            countedTo += 1
        }
        return YAMLValue.Mark(line: line, column: countedColumn)
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    private static let indicators = table("-?:,[]{}#&*!|>'\"%@`")
    private static let flowSpecial = table("[]{}:#?'\"!&*|>%@`\\")

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Printable ASCII, and the non-ASCII characters libyaml reads without fuss: no controls,
    /// tabs, carriage returns, byte order marks, Unicode line separators or characters past U+FFFF.
    private static func isPlainText(_ bytes: [UInt8], from start: Int, to stop: Int) -> Bool {
        var index = start
        while index < stop {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte >= 0x20 && byte != 0x7F else { return false }
                index += 1
                continue
            }
            let scalar: UInt32
            if byte & 0xE0 == 0xC0 {
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte & 0xF0 == 0xE0 {
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            guard scalar >= 0xA0, scalar != 0xFEFF, scalar != 0x2028, scalar != 0x2029,
                  scalar < 0xFFFE else { return false }
        }
        return true
    }
}
