//! Runs a compiled template (`TemplateProgram`) into one growing buffer of UTF-8 bytes.

/// The state of one render: the output (UTF-8, made a `String` once at the end), the context
/// stack, the block definitions of the parents being rendered, the indentation of standalone
/// partials, and how deeply templates are nested.
struct TemplateRenderer {
    /// Nested partial, parent and block-override expansions allowed before expanding stops, so a
    /// template that includes itself renders a bounded page instead of overflowing the stack.
    static let maxDepth = 64
    /// Expansions allowed in one render: a template that includes itself twice would otherwise
    /// stay within the depth and still take 2^64 steps. Real pages use a few hundred.
    static let maxExpansions = 100_000

    let library: TemplateLibrary
    private(set) var output: [UInt8]
    private var stack: [TemplateValue]
    /// Block definitions of the parents being rendered, outermost first: the outermost child's
    /// definition of a block wins, as in the Mustache inheritance spec. Each is a table of the
    /// program holding the parent tag.
    private var blockScopes: [(program: TemplateProgram, table: Int)] = []
    /// Put before every line that the current partial starts (empty outside indented partials).
    private var indentation: [UInt8] = []
    /// A standalone partial starts a line even when the output before it does not end one (the
    /// partial before it may end without a line break), so its first line is indented anyway.
    private var indentNextWrite = false
    private var depth = 0
    private var expansions = 0
    /// Partials rendered before on this thread (see `PartialMemo`); nil renders every partial.
    private let memo: PartialMemo?

    private var mayExpand: Bool { depth < Self.maxDepth && expansions < Self.maxExpansions }
    private static var noIndentation: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    init(library: TemplateLibrary, context: TemplateValue, capacity: Int) {
        self.init(library: library, layers: [context], output: [], capacity: capacity, memo: nil)
    }

    /// `layers` is the context stack to start from, bottom first: looking up a name in
    /// `[shared, own]` finds what it would find in the two objects merged, `own` winning, without
    /// copying `shared` into every page's context. `output` is a buffer to reuse (emptied first).
    init(library: TemplateLibrary, layers: [TemplateValue], output: consuming [UInt8], capacity: Int, memo: PartialMemo?) {
        self.library = library
        self.output = output
        self.output.removeAll(keepingCapacity: true)
        self.output.reserveCapacity(capacity)
        self.stack = layers
        self.stack.reserveCapacity(layers.count + 8)
        self.memo = memo
    }

    /// Renders a template's own steps.
    mutating func render(_ program: TemplateProgram) {
        run(program, from: 0, to: program.mainCount)
    }

    /// Runs steps `start..<end` of `program`. A section or block step is followed by its body;
    /// the step says where the body ends, so running on past it skips it.
    private mutating func run(_ program: TemplateProgram, from start: Int, to end: Int) {
        let steps = program.steps
        var position = start
        while position < end {
            let step = steps[position]
            position += 1
            switch step {
            case .text(let range):
                let text = program.bytes(range)
                if indentation.isEmpty {
                    output.append(contentsOf: text)
                } else {
                    appendIndented(text)
                }

            case .variable(let keys, let escaped):
                if let value = lookUp(keys, in: program.keys) { append(value, escaped: escaped) }

            case .section(let keys, let bodyEnd):
                let body = position
                position = Int(bodyEnd)
                guard let value = lookUp(keys, in: program.keys) else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        run(program, from: body, to: position)
                        stack.removeLast()
                    }
                case .bool(let flag):
                    if flag { run(program, from: body, to: position) }
                default:
                    if value.isTruthy {
                        stack.append(value)
                        run(program, from: body, to: position)
                        stack.removeLast()
                    }
                }

            case .invertedSection(let keys, let bodyEnd):
                let body = position
                position = Int(bodyEnd)
                if !(lookUp(keys, in: program.keys)?.isTruthy ?? false) { run(program, from: body, to: position) }

            case .partial(let number, let indented):
                guard mayExpand, number >= 0 else { continue }
                let template = library.programs[Int(number)]
                if let memo, indented.isEmpty, indentation.isEmpty, let heads = library.memoHeads[Int(number)] {
                    replayOrRecord(Int(number), template, heads: heads, memo: memo)
                } else {
                    expand(template, from: 0, to: template.mainCount, indented: program.bytes(indented))
                }

            case .parent(let number, let blocks, let indented):
                guard mayExpand, number >= 0 else { continue }
                let template = library.programs[Int(number)]
                blockScopes.append((program, Int(blocks)))
                expand(template, from: 0, to: template.mainCount, indented: program.bytes(indented))
                blockScopes.removeLast()

            case .block(let name, let bodyEnd):
                let body = position
                position = Int(bodyEnd)
                if let (owner, override) = definition(of: name) {
                    guard mayExpand else { continue }
                    expand(owner, from: Int(override.start), to: Int(override.end), indented: Self.noIndentation)
                } else {
                    run(program, from: body, to: position)
                }
            }
        }
    }

    private mutating func expand(_ program: TemplateProgram, from start: Int, to end: Int,
                                 indented: UnsafeBufferPointer<UInt8>) {
        depth += 1
        expansions += 1
        if indented.isEmpty {
            run(program, from: start, to: end)
        } else {
            let outer = indentation, outerPending = indentNextWrite, written = output.count
            indentation.append(contentsOf: indented)
            indentNextWrite = true
            run(program, from: start, to: end)
            // A partial that wrote nothing leaves the line as it found it.
            indentNextWrite = output.count == written && outerPending
            indentation = outer
        }
        depth -= 1
    }

    /// Copies what the partial rendered last time when its heads find equal values now (and the
    /// expansion limits cannot be reached), else renders it and remembers the result.
    private mutating func replayOrRecord(_ number: Int, _ template: TemplateProgram, heads: [TemplateKey], memo: PartialMemo) {
        let key = PartialMemo.Key(template: number, depth: depth)
        let values = heads.map { lookUp(head: $0) }
        if let entry = memo.entries[key], entry.values == values, entry.pendingBefore == indentNextWrite,
           expansions + entry.expansions <= Self.maxExpansions {
            memo.noteHit()
            output.append(contentsOf: entry.output)
            expansions += entry.expansions
            indentNextWrite = entry.pendingAfter
            return
        }
        memo.noteMiss()
        let start = output.count, startExpansions = expansions, pendingBefore = indentNextWrite
        expand(template, from: 0, to: template.mainCount, indented: Self.noIndentation)
        // A render that ran into a limit depends on how many expansions came before it.
        guard expansions < Self.maxExpansions else { return }
        memo.entries[key] = PartialMemo.Entry(values: values, output: Array(output[start...]),
                                              expansions: expansions - startExpansions,
                                              pendingBefore: pendingBefore, pendingAfter: indentNextWrite)
    }

    /// What a name's first part finds up the stack (`.` is the top of the stack).
    private func lookUp(head: TemplateKey) -> TemplateValue? {
        if head.name == "." { return stack[stack.count - 1] }
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].member(head) { return found }
            index -= 1
        }
        return nil
    }

    /// The outermost definition of block `name` among the parents being rendered.
    private func definition(of name: Int32) -> (TemplateProgram, BlockDefinition)? {
        for scope in blockScopes {
            for definition in scope.program.blockTables[scope.table] where definition.name == name {
                return (scope.program, definition)
            }
        }
        return nil
    }

    /// The name's first key up the context stack, the rest inside the value found.
    @inline(__always)
    private func lookUp(_ range: TemplateStep.KeyRange, in keys: UnsafeBufferPointer<TemplateKey>) -> TemplateValue? {
        if range.isImplicit { return stack[stack.count - 1] }
        let head = Int(range.start), end = Int(range.end)
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].member(keys[head]) {
                var value = found
                var part = head + 1
                while part < end {
                    guard let next = value.member(keys[part]) else { return nil }
                    value = next
                    part += 1
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    /// Takes the value looked up for it (`consuming`): its text is read in place instead of
    /// copied once more (a retain and a release for every value a page prints).
    private mutating func append(_ value: consuming TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            // `utf8.withContiguousStorageIfAvailable` reads a native string where it lies;
            // `withUTF8` is mutating, so it would copy (and retain) the string first.
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendText($0, escaped: escaped) }
            if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendText($0, escaped: escaped) } }
        case .utf8(let bytes):
            bytes.withUnsafeBufferPointer { appendText($0, escaped: escaped) }
        case .int(let number):
            if !indentation.isEmpty { indentIfAtLineStart() }
            appendUTF8(String(number))
        case .bool(let flag):
            if !indentation.isEmpty { indentIfAtLineStart() }
            appendUTF8(flag ? "true" : "false")
        case .list, .object, .null:
            // swift-mustache prints a Swift description of a list or an object; nothing is better.
            return
        }
    }

    /// Text of a value, HTML-escaped for `{{…}}`; nothing for empty text. Kept out of line: once
    /// inlined into `append`, the optimizer appends a value's bytes as an array, which retains it.
    @inline(never)
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        guard !bytes.isEmpty else { return }
        if !indentation.isEmpty { indentIfAtLineStart() }
        if escaped {
            HTMLEscape.append(bytes, to: &output)
        } else {
            output.append(contentsOf: bytes)
        }
    }

    @inline(__always)
    private mutating func appendUTF8(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
        if done == nil { output.append(contentsOf: Array(text.utf8)) }
    }

    private mutating func indentIfAtLineStart() {
        if indentNextWrite || output.last.map({ $0 == UInt8(ascii: "\n") }) ?? true {
            output.append(contentsOf: indentation)
        }
        indentNextWrite = false
    }

    /// Template text inside an indented partial: the indentation goes before each line that has
    /// content; a final line break waits for whatever comes next, which may be nothing.
    private mutating func appendIndented(_ text: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? text.count
            indentIfAtLineStart()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd]))
            lineStart = lineEnd
        }
    }
}
