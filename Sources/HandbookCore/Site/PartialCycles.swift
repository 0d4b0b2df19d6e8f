//! Finds templates that include themselves, directly or through others, before rendering would
//! recurse without end.

import Foundation

enum PartialCycles {
    /// - Parameter folder: the theme's `templates/` folder, for messages.
    static func check(_ library: TemplateLibrary, in folder: UserPath) -> [Diagnostic] {
        let edges = library.templates.mapValues(includes(in:))
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for start in edges.keys.sorted() {
            if let cycle = findCycle(from: start, edges: edges), reported.insert(cycle.sorted().joined()).inserted {
                diagnostics.append(.error("templates include each other without end: \(cycle.joined(separator: " → "))",
                                          at: SourceLocation(file: folder.appending("\(cycle[0]).mustache").shown),
                                          hint: "remove one of the {{> …}} includes"))
            }
        }
        return diagnostics
    }

    /// The partials and parents a template names, in the order they are written.
    static func includes(in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .text, .variable: []
            case .section(_, let body), .invertedSection(_, let body), .block(_, let body): includes(in: body)
            case .partial(let name, _): [name]
            case .parent(let name, let blocks, _): [name] + blocks.keys.sorted().flatMap { includes(in: blocks[$0]!) }
            }
        }
    }

    private static func findCycle(from start: String, edges: [String: [String]]) -> [String]? {
        var path: [String] = []
        var visited = Set<String>()
        func visit(_ node: String) -> [String]? {
            if let index = path.firstIndex(of: node) { return Array(path[index...]) + [node] }
            guard visited.insert(node).inserted else { return nil }
            path.append(node)
            defer { path.removeLast() }
            for next in edges[node] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            return nil
        }
        return visit(start)
    }
}
