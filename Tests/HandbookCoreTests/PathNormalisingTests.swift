//! Link targets are matched on normalised paths; the shortcut for paths that are already
//! normal must give what resolving every segment gives.

import Testing
@testable import HandbookCore

@Suite struct PathNormalisingTests {
    @Test func everyShapeOfPath() {
        let paths = ["content/tips/001-a.md", "tips/../chapters/01.md", "./tips/a.md", "tips/./a.md", "/abs/a.md",
                     "tips/", "tips//a.md", "..", ".", "", "...", "a/.../b", "../a", "a/..", "a/.", ".hidden/x.md",
                     "a/..b/c", "a/b..", "é/ü.md", "/srv/content/tips/a.md", "//a", "/", "/./a", "/a/"]
        for path in paths {
            #expect(LinkResolver.normalise(path) == LinkResolver.resolvingSegments(path), "\(path.debugDescription)")
        }
        #expect(LinkResolver.normalise("tips/../chapters/01.md") == "chapters/01.md")
        #expect(LinkResolver.normalise("/srv/content/tips/a.md") == "srv/content/tips/a.md")
    }
}
