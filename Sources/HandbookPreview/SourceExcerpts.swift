//! The lines of the user's files that a failed build's problems point at, for the error panel.

import FoundationEssentials
import HandbookCore

/// Read once when a build fails (not per request), so the panel quotes the file as it was built.
enum SourceExcerpts {
    /// Keyed by file and line; files that cannot be read (the built-in theme, deleted ones) are left out.
    static func lines(for diagnostics: [Diagnostic], roots: [UserPath]) -> [SourceLocation: String] {
        var wanted: [String: Set<Int>] = [:]
        for case let location? in diagnostics.map(\.location) where location.line > 0 {
            wanted[location.file, default: []].insert(location.line)
        }
        var found: [SourceLocation: String] = [:]
        for (file, numbers) in wanted {
            // Read as the build reads it, so line numbers agree and a file too large to build is not read.
            guard case .success(let source) = ContentLoader.read(UserPath(path: openable(file, roots: roots), shown: file)) else { continue }
            let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
            for number in numbers where number <= lines.count {
                found[SourceLocation(file: file, line: number)] = String(lines[number - 1])
            }
        }
        return found
    }

    /// Messages show paths as the user typed the folders; the build opened them under `path`.
    static func openable(_ shown: String, roots: [UserPath]) -> String {
        for root in roots {
            let prefix = root.shown.hasSuffix("/") ? root.shown : root.shown + "/"
            if shown.hasPrefix(prefix) { return root.appending(String(shown.dropFirst(prefix.count))).path }
        }
        return shown
    }
}
