//! A theme's templates, parsed and compiled once, shared by every page render.

/// Templates by name (`layout`, `partials/header`, …), compiled once; immutable and Sendable, so
/// one library serves every rendering thread. Partials and parents are looked up in it by name.
public struct TemplateLibrary: Sendable {
    /// The compiled templates, by number; `numbers` gives each name's number.
    let programs: [TemplateProgram]
    let numbers: [String: Int]
    /// The names of every template.
    public let names: Set<String>
    /// Which partials a `PartialMemo` may replay, and what their output depends on.
    let memoPlan: PartialMemoPlan
    /// `memoPlan`'s heads by template number (nil: never replayed).
    let memoHeads: [[TemplateKey]?]

    /// Parses every template. Throws one error per template that cannot be parsed (the first
    /// problem in it), sorted by template name.
    public init(templates texts: [String: String]) throws(TemplateErrors) {
        var trees: [String: [TemplateNode]] = [:]
        var errors: [TemplateError] = []
        for (name, text) in texts {
            do {
                trees[name] = try TemplateParser.parse(text, name: name)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors.sorted { $0.name < $1.name }) }
        let sorted = trees.keys.sorted()
        let numbers = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element, $0.offset) })
        let hints = Self.sizeHints(trees)
        var blockNumbers: [String: Int32] = [:]
        self.programs = sorted.map { name in
            TemplateProgram(trees[name]!, sizeHint: hints[name] ?? 1024, templateNumbers: numbers, blockNumbers: &blockNumbers)
        }
        self.numbers = numbers
        self.names = Set(sorted)
        let plan = PartialMemoPlan(trees)
        self.memoPlan = plan
        self.memoHeads = sorted.map { plan.heads[$0] }
    }

    /// Renders template `name`, or returns nil when there is no such template. A partial or parent
    /// that is not in the library renders nothing; so does a missing name.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders template `name` as UTF-8 bytes, for writing to a file. Skips making a `String`,
    /// whose UTF-8 validation costs about a fifth of a render.
    /// `capacity` reserves room for a document much larger than its template (the booklet holds
    /// every body), so the output is not copied at each doubling.
    public func renderUTF8(_ name: String, _ context: TemplateValue, capacity: Int = 0) -> [UInt8]? {
        guard let number = numbers[name] else { return nil }
        let program = programs[number]
        var renderer = TemplateRenderer(library: self, context: context, capacity: max(capacity, program.sizeHint))
        renderer.render(program)
        return renderer.output
    }

    /// Renders template `name` with the context stack `layers` (bottom first; see
    /// `TemplateRenderer.init(library:layers:output:capacity:memo:)`) into `output`, replacing
    /// what it held but keeping its storage, and replaying partials from `memo` where their
    /// values are unchanged. Returns false when there is no such template.
    func render(_ name: String, layers: [TemplateValue], into output: inout [UInt8], memo: PartialMemo?) -> Bool {
        guard let number = numbers[name] else { return false }
        let program = programs[number]
        // Moved, not copied: a second reference would make the renderer copy the buffer.
        var buffer: [UInt8] = []
        swap(&buffer, &output)
        var renderer = TemplateRenderer(library: self, layers: layers, output: consume buffer, capacity: program.sizeHint,
                                        memo: memo)
        renderer.render(program)
        output = renderer.output
        return true
    }

    /// Converts a `[String: Any]` context (see `TemplateValue.init(_:)`) and renders template `name`.
    public func render(_ name: String, _ context: [String: Any]) -> String? {
        guard numbers[name] != nil else { return nil }
        return render(name, TemplateValue(context))
    }

    public func hasTemplate(_ name: String) -> Bool { numbers[name] != nil }

    /// For each template, its text and that of the partials and parents it includes (each counted
    /// once per tag, a cycle not followed), plus room for the values: reserved once so the output
    /// rarely grows.
    private static func sizeHints(_ templates: [String: [TemplateNode]]) -> [String: Int] {
        var sizes: [String: Int] = [:]
        var visiting = Set<String>()
        func size(of name: String) -> Int {
            if let known = sizes[name] { return known }
            guard let nodes = templates[name], visiting.insert(name).inserted else { return 0 }
            let total = size(of: nodes)
            visiting.remove(name)
            sizes[name] = total
            return total
        }
        func size(of nodes: [TemplateNode]) -> Int {
            var total = 0
            for node in nodes {
                switch node {
                case .text(let text): total += text.count
                case .variable: total += 24
                case .section(_, let body), .invertedSection(_, let body), .block(_, let body): total += size(of: body)
                case .partial(let name, _): total += size(of: name)
                case .parent(let name, let blocks, _): total += size(of: name) + blocks.values.reduce(0) { $0 + size(of: $1) }
                }
            }
            return total
        }
        return Dictionary(uniqueKeysWithValues: templates.keys.map { ($0, size(of: $0) + 1024) })
    }
}

/// A template that cannot be parsed: where, and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name in the library, e.g. `partials/header`.
    public let name: String
    /// 1-based line and column (in characters) of the tag at fault.
    public let line: Int
    public let column: Int
    public let message: String
    /// The template line holding the tag, for a hint.
    public let lineText: String

    public init(name: String, line: Int, column: Int, message: String, lineText: String) {
        self.name = name
        self.line = line
        self.column = column
        self.message = message
        self.lineText = lineText
    }

    public var description: String { "\(name):\(line):\(column): \(message)" }
}

/// Every template that could not be parsed, one error each, sorted by template name.
public struct TemplateErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [TemplateError]

    public init(errors: [TemplateError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
