//! Finds templates that include themselves, directly or through others, before rendering would
//! recurse without end.

import Foundation

enum PartialCycles {
    static func check(templates files: [String], in folder: URL, displayPath: String) -> [Diagnostic] {
        var edges: [String: [String]] = [:]
        for relative in files where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let text = (try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)) ?? ""
            edges[name] = includes(in: text)
        }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for start in edges.keys.sorted() {
            if let cycle = findCycle(from: start, edges: edges), reported.insert(cycle.sorted().joined()).inserted {
                diagnostics.append(.error("templates include each other without end: \(cycle.joined(separator: " → "))",
                                          at: SourceLocation(file: "\(displayPath)/templates/\(cycle[0]).mustache"),
                                          hint: "remove one of the {{> …}} includes"))
            }
        }
        return diagnostics
    }

    /// Names after `{{>` and `{{<` (partials and parents).
    static func includes(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let sigil = rest.first, sigil == ">" || sigil == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            names.append(String(rest[rest.index(after: rest.startIndex)..<close.lowerBound]).trimmingWhitespace())
            rest = rest[close.upperBound...]
        }
        return names
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
