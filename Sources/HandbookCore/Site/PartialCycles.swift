//! Templates that include themselves, directly or through others, found before rendering recurses without end.

import FoundationEssentials

enum PartialCycles {
    /// - Parameter folder: the theme's `templates/` folder, for messages.
    /// - Parameter texts: the templates' source, by name, to place the include that closes a cycle.
    static func check(_ library: TemplateLibrary, in folder: UserPath, texts: [String: String] = [:]) -> [Diagnostic] {
        let edges = library.templates.mapValues(includes(in:))
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for start in edges.keys.sorted() {
            if let cycle = findCycle(from: start, edges: edges), reported.insert(cycle.sorted().joined()).inserted {
                diagnostics.append(.error("templates include each other without end: \(cycle.joined(separator: " → "))",
                                          at: includeLocation(of: cycle[1], in: texts[cycle[0]] ?? "",
                                                              file: folder.appending("\(cycle[0]).mustache").shown),
                                          hint: "remove one of the {{> …}} includes"))
            }
        }
        return diagnostics
    }

    /// Where `text` first includes `name` (`{{> name}}` or `{{< name}}`); line 1, column 1 if not found.
    static func includeLocation(of name: String, in text: String, file: String) -> SourceLocation {
        let bytes = Array(text.utf8), wanted = Array(name.utf8)
        var line = 1, lineStart = 0, index = 0
        while index + 3 < bytes.count {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
               bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<") {
                var start = index + 3
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                let end = start + wanted.count
                if end <= bytes.count, bytes[start..<end].elementsEqual(wanted),
                   end == bytes.count || bytes[end] == 0x20 || bytes[end] == UInt8(ascii: "}") {
                    let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                    return SourceLocation(file: file, line: line, column: column)
                }
            }
            index += 1
        }
        return SourceLocation(file: file, line: 1, column: 1)
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
