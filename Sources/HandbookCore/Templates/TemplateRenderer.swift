//! Renders a parsed template tree into one growing buffer of UTF-8 bytes.

/// The state of one render: output, context stack, parents' blocks, indentation, depth.
struct TemplateRenderer {
    /// Nested expansions allowed, so that a template including itself cannot overflow the stack.
    static let maxDepth = 64
    /// Expansions in one render: one including itself twice would stay within the depth and still
    /// take 2^64 steps. Real pages use a few hundred.
    static let maxExpansions = 100_000
    /// One page's output at most: `{{#tips}}` four deep grows a page without bound; the largest
    /// real page, a 50 MB tip's, stays far below.
    static let maxOutput = 256 << 20
    private(set) var overflowed = false

    let library: TemplateLibrary
    private(set) var output: [UInt8]
    private var stack: [TemplateValue]
    /// Outermost first: the outermost child's definition of a block wins (the inheritance spec).
    private var blockScopes: [[String: [TemplateNode]]] = []
    /// Put before every line the current partial starts.
    private var indentation: [UInt8] = []
    /// A standalone partial starts a line even when the output before it does not end one (the
    /// partial before it may end without a line break).
    private var indentNextWrite = false
    private var depth = 0
    private var expansions = 0

    /// `layers`: the context stack, bottom first; `[shared, own]` reads as the two merged, without
    /// copying `shared` into every page's context. `output`: a buffer to reuse (emptied first).
    init(library: TemplateLibrary, layers: [TemplateValue], output: [UInt8] = []) {
        self.library = library
        self.output = output
        self.output.removeAll(keepingCapacity: true)
        self.stack = layers
    }

    private var mayExpand: Bool { depth < Self.maxDepth && expansions < Self.maxExpansions }

    mutating func render(_ nodes: [TemplateNode]) {
        // By index, not `for node in nodes`: the iterator hands out copies, a retain per node.
        for index in nodes.indices {
            guard output.count <= Self.maxOutput else {
                overflowed = true
                return
            }
            switch nodes[index] {
            case .text(let text):
                if indentation.isEmpty { output.append(contentsOf: text) } else { appendIndented(text) }
            case .variable(let path, let escaped):
                if let value = lookUp(path) { append(value, escaped: escaped) }
            case .section(let path, let body):
                guard let value = lookUp(path) else { continue }
                switch value {
                case .list(let items):
                    for item in items { render(body, on: item) }
                case .bool(let flag):
                    if flag { render(body) }
                default:
                    if value.isTruthy { render(body, on: value) }
                }
            case .invertedSection(let path, let body):
                if !(lookUp(path)?.isTruthy ?? false) { render(body) }
            case .partial(let name, let indented):
                guard mayExpand, let template = library.templates[name] else { continue }
                expand(template, indented: indented)
            case .parent(let name, let blocks, let indented):
                guard mayExpand, let template = library.templates[name] else { continue }
                blockScopes.append(blocks)
                expand(template, indented: indented)
                blockScopes.removeLast()
            case .block(let name, let body):
                if let override = blockScopes.lazy.compactMap({ $0[name] }).first {
                    if mayExpand { expand(override, indented: []) }
                } else {
                    render(body)
                }
            }
        }
    }

    private mutating func render(_ nodes: [TemplateNode], on value: TemplateValue) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    private mutating func expand(_ nodes: [TemplateNode], indented: [UInt8]) {
        depth += 1
        expansions += 1
        if indented.isEmpty {
            render(nodes)
        } else {
            let outer = indentation, outerPending = indentNextWrite, written = output.count
            indentation.append(contentsOf: indented)
            indentNextWrite = true
            render(nodes)
            // A partial that wrote nothing leaves the line as it found it.
            indentNextWrite = output.count == written && outerPending
            indentation = outer
        }
        depth -= 1
    }

    /// The name's first part up the context stack, the rest inside the value found.
    private func lookUp(_ path: TemplatePath) -> TemplateValue? {
        let parts = path.parts
        guard !parts.isEmpty else { return stack.last }
        for index in stack.indices.reversed() {
            guard var value = stack[index][parts[0]] else { continue }
            for part in 1..<parts.count {
                guard let next = value[parts[part]] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return }
            if !indentation.isEmpty { indentIfAtLineStart() }
            if escaped { HTMLEscape.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .utf8(let bytes):
            guard !bytes.isEmpty else { return }
            if !indentation.isEmpty { indentIfAtLineStart() }
            if escaped { HTMLEscape.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        case .int(let number): append(.string(String(number)), escaped: false)
        case .bool(let flag): append(.string(flag ? "true" : "false"), escaped: false)
        // swift-mustache prints a Swift description of a list or an object; nothing is better.
        case .list, .object, .null: return
        }
    }

    private mutating func indentIfAtLineStart() {
        if indentNextWrite || output.last.map({ $0 == UInt8(ascii: "\n") }) ?? true {
            output.append(contentsOf: indentation)
        }
        indentNextWrite = false
    }

    /// Text inside an indented partial: the indentation goes before each line that has content.
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
