//! Parses Mustache text into a tree of nodes once, so rendering never looks at the text again.

/// A name as written in a tag, split at its dots: `t.home` looks up `t` up the context stack,
/// then `home` inside it. `.` (the current value) has no parts.
struct TemplatePath: Sendable, Equatable {
    let parts: [TemplateKey]

    init(_ name: String) {
        parts = name == "." ? [] : name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { TemplateKey(String(decoding: $0, as: UTF8.self)) }
    }
}

/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Template text as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode])
    case invertedSection(TemplatePath, [TemplateNode])
    /// `{{> name}}`; `indentation` is the whitespace before a standalone tag, put before every line.
    case partial(String, indentation: [UInt8])
    /// `{{< name}}…{{/name}}`: renders template `name` with these block definitions.
    case parent(String, blocks: [String: [TemplateNode]], indentation: [UInt8])
    /// `{{$ name}}default{{/name}}`: the nearest parent's definition of `name`, or the default.
    case block(String, [TemplateNode])
}

/// Parses the Mustache subset of Handbook's themes: every tag but set-delimiters and pragmas.
/// Standalone lines follow the spec: removed whole, and a standalone partial indents its lines.
struct TemplateParser {
    let name: String
    private let bytes: [UInt8]

    init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    static func parse(_ text: String, name: String) throws(TemplateError) -> [TemplateNode] {
        try TemplateParser(name: name, text: text).parse()
    }

    // MARK: - Tags

    private enum Kind: Equatable {
        case variable, raw, section, inverted, close, partial, parent, block, comment

        /// Kinds that may stand alone on a line, which is then removed.
        var canStandAlone: Bool {
            switch self {
            case .variable, .raw: false
            default: true
            }
        }
    }

    private struct Tag {
        var kind: Kind
        var name: String
        /// Byte offsets of `{{` and just after the closing `}}`.
        var start: Int
        var end: Int
        var indentation: [UInt8] = []
    }

    private enum Piece {
        case text(start: Int, end: Int)
        case tag(Tag)
    }

    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    // MARK: - Parsing

    func parse() throws(TemplateError) -> [TemplateNode] {
        var pieces = try tokenize()
        removeStandaloneLines(&pieces)
        return try buildTree(pieces)
    }

    /// Splits the text into text runs and tags.
    private func tokenize() throws(TemplateError) -> [Piece] {
        var pieces: [Piece] = []
        let count = bytes.count
        var textStart = 0
        var index = 0
        while index + 1 < count {
            guard bytes[index] == Self.openBrace, bytes[index + 1] == Self.openBrace else {
                index += 1
                continue
            }
            if textStart < index { pieces.append(.text(start: textStart, end: index)) }
            let tag = try readTag(at: index)
            pieces.append(.tag(tag))
            index = tag.end
            textStart = index
        }
        if textStart < count { pieces.append(.text(start: textStart, end: count)) }
        return pieces
    }

    private func readTag(at start: Int) throws(TemplateError) -> Tag {
        var position = start + 2
        guard position < bytes.count else { throw error(Self.unclosed, at: start) }
        let kind: Kind
        var closer = 2
        switch bytes[position] {
        case UInt8(ascii: "!"):
            guard let close = find(Self.closeBrace, Self.closeBrace, from: position + 1) else {
                throw error(Self.unclosed, at: start)
            }
            return Tag(kind: .comment, name: "", start: start, end: close + 2)
        case UInt8(ascii: "{"): kind = .raw; closer = 3; position += 1
        case UInt8(ascii: "&"): kind = .raw; position += 1
        case UInt8(ascii: "#"): kind = .section; position += 1
        case UInt8(ascii: "^"): kind = .inverted; position += 1
        case UInt8(ascii: "/"): kind = .close; position += 1
        case UInt8(ascii: ">"): kind = .partial; position += 1
        case UInt8(ascii: "<"): kind = .parent; position += 1
        case UInt8(ascii: "$"): kind = .block; position += 1
        case UInt8(ascii: "="): throw error("set-delimiter tags ({{=…=}}) are not supported", at: start)
        case UInt8(ascii: "%"): throw error("pragmas ({{%…}}) are not supported", at: start)
        default: kind = .variable
        }
        skipWhitespace(&position)
        let nameStart = position
        // Template names are paths; a close tag may end a parent.
        let allowsSlash = kind == .partial || kind == .parent || kind == .close
        while position < bytes.count, Self.isNameByte(bytes[position], allowsSlash: allowsSlash) { position += 1 }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        let nameEnd = position
        skipWhitespace(&position)
        if !closes(at: position, braces: closer) {
            // A "}}" later on the line means the name itself is wrong, otherwise the tag is unclosed.
            if position < bytes.count, bytes[position] != Self.closeBrace, closesLaterOnLine(from: position) {
                throw error(position > nameEnd && !name.isEmpty ? "a tag name may not contain spaces"
                    : "a tag name may only contain letters, digits, '.', '_', '-' and '?' (partials also '/'), not '\(characterAt(position))'",
                            at: start)
            }
            throw error(closer == 3 ? "a tag is not closed with '}}}'" : Self.unclosed, at: start)
        }
        if name.isEmpty { throw error("a tag has an empty name", at: start) }
        if kind != .partial, kind != .parent, kind != .block, name != ".",
           name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw error("the name '\(name)' has an empty part between its dots", at: start)
        }
        return Tag(kind: kind, name: name, start: start, end: position + closer)
    }

    private static func isNameByte(_ byte: UInt8, allowsSlash: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "?"):
            true
        case UInt8(ascii: "/"): allowsSlash
        default: false
        }
    }

    private func skipWhitespace(_ position: inout Int) {
        while position < bytes.count,
              bytes[position] == Self.space || bytes[position] == Self.tab
                || bytes[position] == Self.newline || bytes[position] == Self.carriageReturn {
            position += 1
        }
    }

    private func closes(at position: Int, braces: Int) -> Bool {
        guard position + braces <= bytes.count else { return false }
        return (position..<position + braces).allSatisfy { bytes[$0] == Self.closeBrace }
    }

    private func closesLaterOnLine(from position: Int) -> Bool {
        var index = position
        while index + 1 < bytes.count, bytes[index] != Self.newline {
            if bytes[index] == Self.openBrace, bytes[index + 1] == Self.openBrace { return false }
            if bytes[index] == Self.closeBrace, bytes[index + 1] == Self.closeBrace { return true }
            index += 1
        }
        return false
    }

    private func find(_ first: UInt8, _ second: UInt8, from position: Int) -> Int? {
        var index = position
        while index + 1 < bytes.count {
            if bytes[index] == first, bytes[index + 1] == second { return index }
            index += 1
        }
        return nil
    }

    private func characterAt(_ position: Int) -> Character {
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self).first ?? "?"
    }

    // MARK: - Standalone lines

    /// Removes every line that holds only whitespace and one tag that may stand alone, deciding
    /// on the original text first so that two such lines sharing a text run each strip their end.
    /// A run of inheritance tags (`{{<parent}}{{$block}}`) counts as one tag, as in the spec's
    /// inheritance module and swift-mustache; a `{{$block}}{{/block}}` expansion does not.
    private func removeStandaloneLines(_ pieces: inout [Piece]) {
        let inheritance = inheritanceTags(pieces)
        struct Strip { var first: Int; var last: Int; var indentStart: Int; var lineEnd: Int }
        var strips: [Strip] = []
        var first = 0
        while first < pieces.count {
            guard case .tag(let tag) = pieces[first] else {
                first += 1
                continue
            }
            // The run of tags with no text between them: one standalone tag, or inheritance tags.
            var last = first
            while last + 1 < pieces.count, case .tag = pieces[last + 1] { last += 1 }
            defer { first = last + 1 }
            guard first == last ? tag.kind.canStandAlone : (first...last).allSatisfy(inheritance.contains) else { continue }
            // Before the run: the start of the template or of a line, then only spaces and tabs.
            var indentStart = tag.start
            if first > 0 {
                guard case .text(let start, let end) = pieces[first - 1] else { continue }
                indentStart = end
                while indentStart > start, bytes[indentStart - 1] == Self.space || bytes[indentStart - 1] == Self.tab {
                    indentStart -= 1
                }
                let atLineStart = indentStart == start ? first == 1 : bytes[indentStart - 1] == Self.newline
                guard atLineStart else { continue }
            }
            // After the run: spaces and tabs, then a line break or the end of the template.
            var lineEnd = bytes.count
            if last + 1 < pieces.count {
                guard case .text(let start, let end) = pieces[last + 1] else { continue }
                lineEnd = start
                while lineEnd < end, bytes[lineEnd] == Self.space || bytes[lineEnd] == Self.tab { lineEnd += 1 }
                if lineEnd < end, bytes[lineEnd] == Self.newline {
                    lineEnd += 1
                } else if lineEnd + 1 < end, bytes[lineEnd] == Self.carriageReturn, bytes[lineEnd + 1] == Self.newline {
                    lineEnd += 2
                } else if lineEnd < end || last + 2 < pieces.count {
                    continue
                }
            }
            strips.append(Strip(first: first, last: last, indentStart: indentStart, lineEnd: lineEnd))
        }
        for strip in strips {
            if strip.first > 0, case .text(let start, _) = pieces[strip.first - 1] {
                pieces[strip.first - 1] = .text(start: start, end: strip.indentStart)
            }
            if strip.last + 1 < pieces.count, case .text(_, let end) = pieces[strip.last + 1] {
                pieces[strip.last + 1] = .text(start: strip.lineEnd, end: end)
            }
            if case .tag(var tag) = pieces[strip.first], tag.kind == .partial || tag.kind == .parent {
                tag.indentation = Array(bytes[strip.indentStart..<tag.start])
                pieces[strip.first] = .tag(tag)
            }
        }
    }

    /// The positions of parent tags, their closes, and the block definitions directly inside a
    /// parent with their closes. Mismatched closes are reported later, when the tree is built.
    private func inheritanceTags(_ pieces: [Piece]) -> Set<Int> {
        var found = Set<Int>()
        var open: [(kind: Kind, inheritance: Bool)] = []
        for (index, piece) in pieces.enumerated() {
            guard case .tag(let tag) = piece else { continue }
            switch tag.kind {
            case .section, .inverted:
                open.append((tag.kind, false))
            case .parent:
                open.append((.parent, true))
                found.insert(index)
            case .block:
                let definition = open.last?.kind == .parent
                open.append((.block, definition))
                if definition { found.insert(index) }
            case .close:
                if let closed = open.popLast(), closed.inheritance { found.insert(index) }
            default:
                break
            }
        }
        return found
    }

    // MARK: - Tree

    private struct OpenSection {
        var tag: Tag
        var nodes: [TemplateNode] = []
    }

    /// Sections nested deeper than this are an error: rendering (and freeing) the tree recurses
    /// once per level, and a theme nests a handful.
    static let maxNesting = 100

    private func buildTree(_ pieces: [Piece]) throws(TemplateError) -> [TemplateNode] {
        var open: [OpenSection] = [OpenSection(tag: Tag(kind: .section, name: "", start: 0, end: 0))]
        func append(_ node: TemplateNode) {
            if case .text(let text) = node, case .text(let previous)? = open[open.count - 1].nodes.last {
                open[open.count - 1].nodes[open[open.count - 1].nodes.count - 1] = .text(previous + text)
            } else {
                open[open.count - 1].nodes.append(node)
            }
        }
        for piece in pieces {
            switch piece {
            case .text(let start, let end):
                if start < end { append(.text(Array(bytes[start..<end]))) }
            case .tag(let tag):
                switch tag.kind {
                case .comment: break
                case .variable: append(.variable(TemplatePath(tag.name), escaped: true))
                case .raw: append(.variable(TemplatePath(tag.name), escaped: false))
                case .partial: append(.partial(tag.name, indentation: tag.indentation))
                case .section, .inverted, .parent, .block:
                    guard open.count <= Self.maxNesting else { throw error("sections are nested more than \(Self.maxNesting) deep", at: tag.start) }
                    open.append(OpenSection(tag: tag))
                case .close:
                    guard open.count > 1 else { throw error(Self.otherName + "{{/\(tag.name)}} closes no open section", at: tag.start) }
                    let section = open.removeLast()
                    guard section.tag.name == tag.name else {
                        throw error(Self.otherName + "{{/\(tag.name)}} closes \(Self.opening(section.tag)) "
                                    + "from line \(location(of: section.tag.start).line)", at: tag.start)
                    }
                    append(node(for: section))
                }
            }
        }
        if open.count > 1 {
            let section = open[open.count - 1].tag
            throw error("a section is opened but never closed: \(Self.opening(section)) has no {{/\(section.name)}}",
                        at: section.start)
        }
        return open[0].nodes
    }

    private func node(for section: OpenSection) -> TemplateNode {
        let name = section.tag.name
        switch section.tag.kind {
        case .inverted: return .invertedSection(TemplatePath(name), section.nodes)
        case .block: return .block(name, section.nodes)
        case .parent:
            // Only the block definitions count inside a parent tag; other content is ignored.
            var blocks: [String: [TemplateNode]] = [:]
            for case .block(let block, let nodes) in section.nodes { blocks[block] = nodes }
            return .parent(name, blocks: blocks, indentation: section.tag.indentation)
        default: return .section(TemplatePath(name), section.nodes)
        }
    }

    // MARK: - Errors

    private static let unclosed = "a tag is not closed with '}}'"
    private static let otherName = "a section is closed with a different name than it was opened with: "

    private static func opening(_ tag: Tag) -> String {
        let sigil = switch tag.kind {
        case .inverted: "^"
        case .parent: "<"
        case .block: "$"
        default: "#"
        }
        return "{{\(sigil)\(tag.name)}}"
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let place = location(of: offset)
        return TemplateError(name: name, line: place.line, column: place.column, message: message, lineText: place.text)
    }

    /// 1-based line and column (in characters) of a byte offset, and the text of its line.
    func location(of offset: Int) -> (line: Int, column: Int, text: String) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != Self.newline { lineEnd += 1 }
        if lineEnd > lineStart, bytes[lineEnd - 1] == Self.carriageReturn { lineEnd -= 1 }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column, String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }
}
