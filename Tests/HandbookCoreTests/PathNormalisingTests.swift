//! Link targets are matched on normalised paths; the shortcut for paths that are already
//! normal must give what resolving every segment gives.

import Testing
@testable import HandbookCore

@Suite struct PathNormalisingTests {
    /// The plain rule: drop empty and `.` segments, let `..` take back the one before it.
    static func reference(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    @Test func everyShapeOfPath() {
        let paths = ["content/tips/001-a.md", "tips/../chapters/01.md", "./tips/a.md", "tips/./a.md", "/abs/a.md",
                     "tips/", "tips//a.md", "..", ".", "", "...", "a/.../b", "../a", "a/..", "a/.", ".hidden/x.md",
                     "a/..b/c", "a/b..", "é/ü.md", "/srv/content/tips/a.md", "//a", "/", "/./a", "/a/"]
        for path in paths {
            #expect(LinkResolver.normalise(path) == Self.reference(path), "\(path.debugDescription)")
        }
    }
}
