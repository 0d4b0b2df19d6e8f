//! Raw HTML that `unsafe_html: true` lets through, without what can run script or read local
//! files: script-capable elements go whole, `on…` attributes go, and so do URLs whose scheme is
//! `javascript:`, `vbscript:`, `file:` or a `data:` that is not an image.

enum RawHTMLFilter {
    /// Elements removed with their content.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "noscript", "template", "xmp", "noembed", "noframes"]
    /// Elements whose tags are removed; their content stays.
    static let dropped: Set<String> = ["frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "portal"]
    /// Attributes whose value is a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
                                             "background", "cite", "srcset", "lowsrc", "dynsrc", "ping", "codebase"]

    /// The HTML with the dangerous parts removed, and the names of what was removed (for a warning).
    static func clean(_ html: String) -> (html: String, removed: [String]) {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var removed: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: index) else {
                // A "<" that opens no tag is text: escaped, so no later byte can make it one.
                if bytes[index] == UInt8(ascii: "<") { output += Array("&lt;".utf8) } else { output.append(bytes[index]) }
                index += 1
                continue
            }
            index = tag.end
            if droppedWithContent.contains(tag.name) {
                removed.append("<\(tag.name)>")
                if !tag.isClosing { index = endOfContent(of: tag.name, in: bytes, from: index) }
                continue
            }
            if dropped.contains(tag.name) {
                removed.append("<\(tag.name)>")
                continue
            }
            if tag.isClosing || tag.name.hasPrefix("!") || tag.name.hasPrefix("?") {
                output += bytes[tag.start..<tag.end]
                continue
            }
            output += Array("<\(tag.name)".utf8)
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") || name == "srcdoc" || name == "formaction" {
                    removed.append(name)
                    continue
                }
                if let value, urlAttributes.contains(name) || name == "style", isDangerous(value, inStyle: name == "style") {
                    removed.append("\(name)=\"\(value.prefix(30))\"")
                    continue
                }
                output += Array(" \(name)".utf8)
                // As written (its character references stay), in double quotes.
                if let value { output += Array("=\"\(value.replacingScalars("\"", with: "&quot;"))\"".utf8) }
            }
            output += Array((tag.selfClosing ? " />" : ">").utf8)
        }
        return (String(decoding: output, as: UTF8.self), removed)
    }

    /// After `<script …>`: the index after its `</script>`, or the end.
    private static func endOfContent(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while index + closing.count <= bytes.count {
            if zip(bytes[index..<index + closing.count], closing).allSatisfy({ lowercased($0) == $1 }) {
                var end = index + closing.count
                while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                return min(end + 1, bytes.count)
            }
            index += 1
        }
        return bytes.count
    }

    /// A URL (or a style) that can run script or read a local file. Browsers ignore whitespace,
    /// control characters and character references inside a scheme, so they are undone first.
    static func isDangerous(_ value: String, inStyle: Bool) -> Bool {
        let decoded = decodeReferences(value).unicodeScalars
            .filter { $0.value > 0x20 && $0.value != 0x7F }
            .map { Character($0) }
        let text = String(decoded).lowercased()
        if inStyle { return text.contains("javascript:") || text.contains("expression(") || text.contains("url(") && text.contains("file:") }
        for scheme in ["javascript:", "vbscript:", "file:", "livescript:"] where text.hasPrefix(scheme) { return true }
        if text.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: text.hasPrefix)
        }
        return false
    }

    /// `&#106;`, `&#x6A;`, `&colon;` and the like, as a browser reads them in an attribute.
    private static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                scalar = ["colon": ":", "tab": "\t", "newline": "\n", "lpar": "(", "rpar": ")", "amp": "&"][String(name)]
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = rest.dropFirst(name.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                result += "&"
            }
        }
        return result + rest
    }

    fileprivate static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// One tag: `<a href="x">`, `</a>`, `<br/>`, `<!-- … -->`.
    private struct Tag {
        var start: Int
        var end: Int
        var name: String
        var isClosing = false
        var selfClosing = false
        var attributes: [(String, String?)] = []

        static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
            var index = start + 1
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "?") {
                // A comment, a declaration or a processing instruction: kept as written, up to its end.
                let isComment = bytes[index...].starts(with: Array("!--".utf8))
                let closing = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
                var end = index
                while end + closing.count <= bytes.count && !bytes[end..<end + closing.count].elementsEqual(closing) { end += 1 }
                guard end + closing.count <= bytes.count else { return nil }
                return Tag(start: start, end: end + closing.count, name: bytes[index] == UInt8(ascii: "!") ? "!" : "?")
            }
            var tag = Tag(start: start, end: start, name: "")
            if bytes[index] == UInt8(ascii: "/") {
                tag.isClosing = true
                index += 1
            }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, isLetter(bytes[nameStart]) else { return nil }
            tag.name = String(decoding: bytes[nameStart..<index].map(RawHTMLFilter.lowercased), as: UTF8.self)
            while true {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    if bytes[index] == UInt8(ascii: "/") { tag.selfClosing = true }
                    index += 1
                }
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ">") {
                    tag.end = index + 1
                    return tag
                }
                tag.selfClosing = false
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "/")].contains(bytes[index]) {
                    index += 1
                }
                let name = String(decoding: bytes[attributeStart..<index].map(RawHTMLFilter.lowercased), as: UTF8.self)
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var value: String?
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                        value = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                        index = close + 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    }
                }
                if !name.isEmpty { tag.attributes.append((name, value)) }
            }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
    }
}
