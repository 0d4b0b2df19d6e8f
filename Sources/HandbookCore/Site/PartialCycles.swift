//! Finds templates that include themselves, directly or through others, before rendering would
//! recurse without end.

import Foundation

enum PartialCycles {
    /// - Parameter texts: every template's text by name (`partials/header`), as the theme read them.
    /// - Parameter folder: the theme's `templates/` folder, for messages.
    static func check(templates texts: [String: String], in folder: UserPath) -> [Diagnostic] {
        let edges = texts.mapValues(includes(in:))
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

    /// Names after `{{>` and `{{<` (partials and parents), found on the UTF-8 bytes.
    static func includes(in text: String) -> [String] {
        var names: [String] = []
        var text = text
        text.withUTF8 { bytes in
            let brace = UInt8(ascii: "{")
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == brace, bytes[index + 1] == brace else { index += 1; continue }
                index += 2
                guard bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "<") else { continue }
                let nameStart = index + 1
                var close = nameStart
                while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")) {
                    close += 1
                }
                guard close + 1 < bytes.count else { break }
                names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<close]), as: UTF8.self).trimmingWhitespace())
                index = close + 2
            }
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
