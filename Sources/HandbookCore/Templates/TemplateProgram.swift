//! A parsed template flattened into one list of steps whose payloads are plain numbers.
//!
//! The tree of `TemplateNode`s is convenient to build and to analyse, but rendering it copies each
//! node's payload (text arrays, names, child lists) and so retains and releases it, several times
//! per node, on every page. A program keeps text, names and bodies in tables it owns; a step only
//! holds offsets into them, so reading one costs nothing.

/// One step of a `TemplateProgram`. Offsets are `Int32` so that a step fits in 17 bytes.
enum TemplateStep {
    /// A range of the program's text bytes.
    case text(ByteRange)
    /// The name made of the program's keys `keys` (empty: `.`, the current value).
    case variable(keys: KeyRange, escaped: Bool)
    /// The body is the steps after this one, up to `end`, where rendering goes on.
    case section(keys: KeyRange, end: Int32)
    case invertedSection(keys: KeyRange, end: Int32)
    /// Template number `template` of the library (-1: none by that name); `indentation` is a
    /// range of the program's text bytes.
    case partial(template: Int32, indentation: ByteRange)
    /// Renders template number `template` with the block definitions of `blocks`, an index into
    /// the program's `blockTables`.
    case parent(template: Int32, blocks: Int32, indentation: ByteRange)
    /// Block number `name` of the library; the default body is the steps up to `end`.
    case block(name: Int32, end: Int32)

    struct KeyRange {
        var start: Int32
        var end: Int32
        var isImplicit: Bool { start == end }
    }

    struct ByteRange {
        var start: Int32
        var end: Int32
        var isEmpty: Bool { start == end }
    }
}

/// A block definition inside a parent tag: block number `name`, whose body is steps `start..<end`.
struct BlockDefinition {
    var name: Int32
    var start: Int32
    var end: Int32
}

/// A compiled template. Immutable after `init`; its tables are allocated once and freed with it,
/// so the renderer reads them through pointers without retaining anything per step.
final class TemplateProgram: @unchecked Sendable {
    /// The template's own steps are `0..<mainCount`; block bodies of its parent tags follow.
    let steps: UnsafeBufferPointer<TemplateStep>
    let mainCount: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<TemplateKey>
    let blockTables: [[BlockDefinition]]
    /// A guess of how long its pages are, to reserve the output once.
    let sizeHint: Int

    /// Flattens `nodes`. `templateNumbers` are the library's numbers of its templates;
    /// `blockNumbers` numbers block names across the library, and gets the new ones.
    init(_ nodes: [TemplateNode], sizeHint: Int, templateNumbers: [String: Int], blockNumbers: inout [String: Int32]) {
        var compiler = TemplateCompiler(templateNumbers: templateNumbers, blockNumbers: blockNumbers)
        compiler.emit(nodes)
        let mainCount = compiler.steps.count
        compiler.emitPendingBlocks()
        blockNumbers = compiler.blockNumbers
        self.steps = Self.copy(compiler.steps)
        self.mainCount = mainCount
        self.bytes = Self.copy(compiler.bytes)
        self.keys = Self.copy(compiler.keys)
        self.blockTables = compiler.blockTables
        self.sizeHint = sizeHint
    }

    deinit {
        UnsafeMutableBufferPointer(mutating: steps).deallocate()
        UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        UnsafeMutableBufferPointer(mutating: keys).deinitialize().deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    /// The text bytes of `range`.
    @inline(__always)
    func bytes(_ range: TemplateStep.ByteRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(range.start)..<Int(range.end)])
    }
}

/// Lays out a tree of nodes as steps. Sections' and blocks' bodies follow their step; the block
/// definitions of parent tags are laid out after the template's own steps.
private struct TemplateCompiler {
    let templateNumbers: [String: Int]
    var blockNumbers: [String: Int32]
    var steps: [TemplateStep] = []
    var bytes: [UInt8] = []
    var keys: [TemplateKey] = []
    var blockTables: [[BlockDefinition]] = []
    /// Block definitions waiting to be laid out: table, position in it, body.
    private var pending: [(table: Int, slot: Int, body: [TemplateNode])] = []

    init(templateNumbers: [String: Int], blockNumbers: [String: Int32]) {
        self.templateNumbers = templateNumbers
        self.blockNumbers = blockNumbers
    }

    private func templateNumber(_ name: String) -> Int32 { templateNumbers[name].map(Int32.init) ?? -1 }

    private mutating func blockNumber(_ name: String) -> Int32 {
        if let known = blockNumbers[name] { return known }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }

    mutating func emit(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                steps.append(.text(byteRange(text)))
            case .variable(let path, let escaped):
                steps.append(.variable(keys: keyRange(path), escaped: escaped))
            case .section(let path, let body):
                let keys = keyRange(path)
                emitBody(body) { .section(keys: keys, end: $0) }
            case .invertedSection(let path, let body):
                let keys = keyRange(path)
                emitBody(body) { .invertedSection(keys: keys, end: $0) }
            case .partial(let name, let indentation):
                steps.append(.partial(template: templateNumber(name), indentation: byteRange(indentation)))
            case .parent(let name, let blocks, let indentation):
                let table = blockTables.count
                blockTables.append([])
                // Sorted, so the layout does not depend on the dictionary's order.
                for (slot, (block, body)) in blocks.sorted(by: { $0.key < $1.key }).enumerated() {
                    blockTables[table].append(BlockDefinition(name: blockNumber(block), start: 0, end: 0))
                    pending.append((table, slot, body))
                }
                steps.append(.parent(template: templateNumber(name), blocks: Int32(table), indentation: byteRange(indentation)))
            case .block(let name, let body):
                let number = blockNumber(name)
                emitBody(body) { .block(name: number, end: $0) }
            }
        }
    }

    /// Lays out the bodies of parent tags' blocks (and, in turn, of the parents inside them).
    mutating func emitPendingBlocks() {
        while !pending.isEmpty {
            let (table, slot, body) = pending.removeFirst()
            let start = steps.count
            emit(body)
            blockTables[table][slot].start = Int32(start)
            blockTables[table][slot].end = Int32(steps.count)
        }
    }

    /// A step followed by its body; `make` gets the position after the body.
    private mutating func emitBody(_ body: [TemplateNode], _ make: (Int32) -> TemplateStep) {
        let position = steps.count
        steps.append(.text(.init(start: 0, end: 0)))  // replaced below, once the body is laid out
        emit(body)
        steps[position] = make(Int32(steps.count))
    }

    private mutating func keyRange(_ path: TemplatePath) -> TemplateStep.KeyRange {
        guard !path.isImplicit else { return .init(start: Int32(keys.count), end: Int32(keys.count)) }
        let start = keys.count
        keys.append(path.head)
        keys += path.tail
        return .init(start: Int32(start), end: Int32(keys.count))
    }

    private mutating func byteRange(_ text: [UInt8]) -> TemplateStep.ByteRange {
        let start = bytes.count
        bytes += text
        return .init(start: Int32(start), end: Int32(bytes.count))
    }
}
