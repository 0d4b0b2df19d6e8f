//! YAML text read through libyaml's event parser into located values, one document at most.

import CYAML

/// Why libyaml refused a text, in its own words, with its places (1-based, columns in Unicode scalars).
struct YAMLSyntaxError: Error, Equatable, CustomStringConvertible {
    /// `reader`: the bytes themselves (a control character); `memory`: libyaml ran out of it.
    enum Stage: Equatable, Sendable {
        case reader, scanner, parser, composer, memory
    }

    var stage: Stage
    var problem: String
    var mark: YAMLValue.Mark
    var context: String?
    var contextMark: YAMLValue.Mark?

    var description: String {
        "line \(mark.line), column \(mark.column): " + (context.map { "\($0) " } ?? "") + problem
    }
}

/// Builds `YAMLValue`s from libyaml's events. An alias is the value its anchor named, shared
/// rather than copied, as Yams read it: aliases of aliases cost no more than their text.
enum LibYAMLReader {
    /// The root value of the one document in `yaml`; nil when there is none (empty, or comments only).
    static func read(_ yaml: String) throws(YAMLSyntaxError) -> YAMLValue? {
        var yaml = yaml
        let result = yaml.withUTF8 { bytes -> Result<YAMLValue?, YAMLSyntaxError> in
            guard !bytes.isEmpty else { return .success(nil) }
            let events = EventStream(bytes)
            return Result { () throws(YAMLSyntaxError) in try events.document() }
        }
        return try result.get()
    }
}

/// A libyaml parser over UTF-8 bytes that outlive it.
private struct EventStream: ~Copyable {
    // Unsafe: libyaml's C API. Allocated rather than a Swift variable, because libyaml keeps a
    // pointer to the parser inside the parser, which must therefore never move.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let bytes: UnsafeBufferPointer<UInt8>
    private let initialized: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        initialized = yaml_parser_initialize(parser) == 1
        guard initialized else { return }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// Stream start, then nothing or one document, then stream end.
    func document() throws(YAMLSyntaxError) -> YAMLValue? {
        guard initialized else { throw outOfMemory }
        try skip() // stream start
        var start = try next()
        defer { yaml_event_delete(&start) }
        if start.type == YAML_STREAM_END_EVENT { return nil }
        let root = try rootNode()
        try skip() // document end
        var after = try next()
        defer { yaml_event_delete(&after) }
        guard after.type == YAML_STREAM_END_EVENT else {
            // Yams' words for a second document.
            throw YAMLSyntaxError(stage: .composer, problem: "but found another document", mark: Self.mark(after.start_mark),
                                  context: "expected a single document in the stream", contextMark: .init(line: 1, column: 1))
        }
        return root
    }

    /// A sequence or mapping still open, with the values read into it so far.
    private struct Open {
        let mark: YAMLValue.Mark
        let anchor: String?
        let isMapping: Bool
        var items: [YAMLValue] = []
    }

    /// Built in a loop, not by recursion, so that deep nesting cannot overflow the stack.
    private func rootNode() throws(YAMLSyntaxError) -> YAMLValue {
        var open: [Open] = []
        var anchors: [String: YAMLValue] = [:]
        while true {
            var event = try next()
            defer { yaml_event_delete(&event) }
            let mark = Self.mark(event.start_mark)
            let value: YAMLValue
            var anchor: String?
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)[...]
                // A leading U+FEFF is dropped, as Yams dropped it (Foundation's UTF-8 decoding does).
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                let text = String(decoding: bytes, as: UTF8.self)
                value = YAMLValue(.scalar(.init(text: text, style: Self.style(scalar.style))), at: mark)
                anchor = Self.name(scalar.anchor)
            case YAML_ALIAS_EVENT:
                guard let name = Self.name(event.data.alias.anchor), let target = anchors[name] else {
                    throw YAMLSyntaxError(stage: .composer, problem: "found undefined alias", mark: mark)
                }
                value = target
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(mark: mark, anchor: Self.name(event.data.sequence_start.anchor), isMapping: false))
                continue
            case YAML_MAPPING_START_EVENT:
                open.append(Open(mark: mark, anchor: Self.name(event.data.mapping_start.anchor), isMapping: true))
                continue
            default: // the end of a sequence or mapping: libyaml gives no other event inside a document
                let closed = open.removeLast()
                value = closed.isMapping ? YAMLValue(.mapping(Self.pairs(closed.items)), at: closed.mark)
                    : YAMLValue(.sequence(closed.items), at: closed.mark)
                anchor = closed.anchor
            }
            // An anchor names its node once the node is complete, as in Yams: `&a [*a]` is undefined.
            if let anchor { anchors[anchor] = value }
            guard !open.isEmpty else { return value }
            open[open.count - 1].items.append(value)
        }
    }

    private func next() throws(YAMLSyntaxError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw failure }
        return event
    }

    private func skip() throws(YAMLSyntaxError) {
        var event = try next()
        yaml_event_delete(&event)
    }

    private var outOfMemory: YAMLSyntaxError {
        YAMLSyntaxError(stage: .memory, problem: "out of memory", mark: .init(line: 1, column: 1))
    }

    /// libyaml's error after a failed parse.
    private var failure: YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = state.context.map { String(cString: $0) }
        let stage: YAMLSyntaxError.Stage
        switch state.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxError(stage: .reader, problem: problem, mark: Self.mark(atByte: state.problem_offset, of: bytes))
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        case YAML_COMPOSER_ERROR: stage = .composer
        default: return outOfMemory
        }
        return YAMLSyntaxError(stage: stage, problem: problem, mark: Self.mark(state.problem_mark),
                               context: context, contextMark: context == nil ? nil : Self.mark(state.context_mark))
    }

    // MARK: - Conversions

    private static func mark(_ mark: yaml_mark_t) -> YAMLValue.Mark {
        YAMLValue.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// A reader error has a byte offset, not a mark: lines end at `\n`, columns count scalars.
    private static func mark(atByte offset: Int, of bytes: UnsafeBufferPointer<UInt8>) -> YAMLValue.Mark {
        let before = bytes.prefix(min(max(offset, 0), bytes.count))
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = before[lineStart...].filter { $0 & 0xC0 != 0x80 }.count + 1
        return YAMLValue.Mark(line: line, column: column)
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLValue.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// A mapping's items come key, value, key, value.
    private static func pairs(_ items: [YAMLValue]) -> [YAMLValue.Pair] {
        stride(from: 0, to: items.count - 1, by: 2).map { YAMLValue.Pair(key: items[$0], value: items[$0 + 1]) }
    }
}
