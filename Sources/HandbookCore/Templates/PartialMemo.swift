//! Remembers what a partial rendered, so pages that give it the same values copy the bytes
//! instead of rendering it again: the header, footer and interface strings of a site are the
//! same on nearly every page of a folder.

/// Which partials can be replayed, and on what their output depends.
///
/// Without indentation, a partial's output depends only on the values that its names find on the
/// context stack at the tag: a name inside one of its sections looks in the section's value first
/// (itself found from a name of the partial) and then on the same stack. So when every name's
/// first part (its "head") finds an equal value, the partial renders the same bytes. Blocks are
/// the exception: an outer parent may override them, so a partial that can reach a block tag
/// (through its own partials and parents too) is never replayed.
struct PartialMemoPlan: Sendable {
    /// For each replayable template, the heads of every name it and its partials use.
    let heads: [String: [TemplateKey]]

    init(_ templates: [String: [TemplateNode]]) {
        var heads: [String: [TemplateKey]] = [:]
        for name in templates.keys {
            var found = Set<String>()
            var visiting = Set<String>()
            if Self.collect(name, templates, into: &found, visiting: &visiting) { heads[name] = found.sorted().map(TemplateKey.init) }
        }
        self.heads = heads
    }

    /// Adds the heads of template `name` to `found`; false when it cannot be replayed (it reaches
    /// a block or parent tag, or includes itself).
    private static func collect(_ name: String, _ templates: [String: [TemplateNode]],
                                into found: inout Set<String>, visiting: inout Set<String>) -> Bool {
        // A missing template renders nothing, whatever the values.
        guard let nodes = templates[name] else { return true }
        guard visiting.insert(name).inserted else { return false }
        defer { visiting.remove(name) }
        return collect(nodes, templates, into: &found, visiting: &visiting)
    }

    private static func collect(_ nodes: [TemplateNode], _ templates: [String: [TemplateNode]],
                                into found: inout Set<String>, visiting: inout Set<String>) -> Bool {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let path, _):
                found.insert(path.parts.first?.name ?? ".")
            case .section(let path, let body), .invertedSection(let path, let body):
                found.insert(path.parts.first?.name ?? ".")
                if !collect(body, templates, into: &found, visiting: &visiting) { return false }
            case .partial(let name, _):
                if !collect(name, templates, into: &found, visiting: &visiting) { return false }
            case .parent, .block:
                return false
            }
        }
        return true
    }
}

/// One rendering thread's remembered partials. Not shared between threads: each worker keeps
/// its own, so no lock is taken and no reference count is shared.
final class PartialMemo {
    struct Key: Hashable {
        /// The partial's name in the library.
        var template: String
        /// Nesting depth at the tag: the expansion limits depend on it.
        var depth: Int
    }

    struct Entry {
        /// What each head found (nil: nothing), in the plan's order.
        var values: [TemplateValue?]
        var output: [UInt8]
        /// Expansions the render made, counted again on a replay.
        var expansions: Int
        /// `indentNextWrite` as the render found it and as it left it (a nested indented partial
        /// that writes nothing hands the state it found back).
        var pendingBefore: Bool
        var pendingAfter: Bool
    }

    var entries: [Key: Entry] = [:]
    /// Replays and renders, for tests.
    private(set) var hits = 0
    private(set) var misses = 0

    init() {}

    func noteHit() { hits += 1 }
    func noteMiss() { misses += 1 }
}
