//! Renders a compiled template into one growing buffer of UTF-8 bytes.

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
    /// definition of a block wins, as in the Mustache inheritance spec.
    private var blockScopes: [[String: [TemplateNode]]] = []
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

    mutating func render(_ nodes: [TemplateNode]) {
        // Indexing the array, rather than iterating it, lets the optimiser read each node in
        // place instead of copying it (and retaining its payload) first.
        for position in nodes.indices {
            switch nodes[position] {
            case .text(let text):
                if indentation.isEmpty {
                    output.append(contentsOf: text)
                } else {
                    appendIndented(text)
                }

            case .variable(let path, let escaped):
                if let value = lookUp(path) { append(value, escaped: escaped) }

            case .section(let path, let body):
                guard let value = lookUp(path) else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(body)
                        stack.removeLast()
                    }
                case .bool(let flag):
                    if flag { render(body) }
                default:
                    if value.isTruthy {
                        stack.append(value)
                        render(body)
                        stack.removeLast()
                    }
                }

            case .invertedSection(let path, let body):
                if !(lookUp(path)?.isTruthy ?? false) { render(body) }

            case .partial(let name, let indented):
                guard mayExpand, let template = library.templates[name] else { continue }
                if let memo, indented.isEmpty, indentation.isEmpty, let heads = library.memoPlan.heads[name] {
                    replayOrRecord(name, template, heads: heads, memo: memo)
                } else {
                    expand(template.nodes, indented: indented)
                }

            case .parent(let name, let blocks, let indented):
                guard mayExpand, let template = library.templates[name] else { continue }
                blockScopes.append(blocks)
                expand(template.nodes, indented: indented)
                blockScopes.removeLast()

            case .block(let name, let defaultBody):
                if let override = definition(of: name) {
                    guard mayExpand else { continue }
                    expand(override, indented: [])
                } else {
                    render(defaultBody)
                }
            }
        }
    }

    private mutating func expand(_ nodes: [TemplateNode], indented: [UInt8]) {
        depth += 1
        expansions += 1
        if indented.isEmpty {
            render(nodes)
        } else {
            let outer = indentation, outerPending = indentNextWrite, written = output.count
            indentation += indented
            indentNextWrite = true
            render(nodes)
            // A partial that wrote nothing leaves the line as it found it.
            indentNextWrite = output.count == written && outerPending
            indentation = outer
        }
        depth -= 1
    }

    /// Copies what the partial rendered last time when its heads find equal values now (and the
    /// expansion limits cannot be reached), else renders it and remembers the result.
    private mutating func replayOrRecord(_ name: String, _ template: CompiledTemplate, heads: [TemplateKey], memo: PartialMemo) {
        let key = PartialMemo.Key(name: name, depth: depth)
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
        expand(template.nodes, indented: [])
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
            if case .object(let fields) = stack[index], let found = fields[head] { return found }
            index -= 1
        }
        return nil
    }

    private func definition(of block: String) -> [TemplateNode]? {
        for scope in blockScopes {
            if let nodes = scope[block] { return nodes }
        }
        return nil
    }

    /// The first part of the name up the context stack, the rest inside the value found.
    @inline(__always)
    private func lookUp(_ path: TemplatePath) -> TemplateValue? {
        if path.isImplicit { return stack[stack.count - 1] }
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let fields) = stack[index], let found = fields[path.head] {
                if path.tail.isEmpty { return found }
                var value = found
                for key in path.tail {
                    guard case .object(let inner) = value, let next = inner[key] else { return nil }
                    value = next
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return }
            if !indentation.isEmpty { indentIfAtLineStart() }
            if escaped {
                HTMLEscape.append(text, to: &output)
            } else {
                appendUTF8(text)
            }
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
    private mutating func appendIndented(_ text: [UInt8]) {
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? text.count
            indentIfAtLineStart()
            output.append(contentsOf: text[lineStart..<lineEnd])
            lineStart = lineEnd
        }
    }
}
