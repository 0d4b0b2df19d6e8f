//! Link targets are matched on normalised paths.

import Testing
@testable import HandbookCore

@Suite struct PathNormalisingTests {
    @Test func everyShapeOfPath() {
        let cases = ["content/tips/001-a.md": "content/tips/001-a.md", "tips/../chapters/01.md": "chapters/01.md",
                     "./tips/a.md": "tips/a.md", "tips/./a.md": "tips/a.md", "tips//a.md": "tips/a.md", "tips/": "tips",
                     "..": "..", ".": "", "a/..": "", "../a": "../a", "a/..b/c": "a/..b/c", "é/ü.md": "é/ü.md",
                     "/srv/content/tips/a.md": "srv/content/tips/a.md", "/": "", "/./a": "a", "/a/": "a"]
        for (path, normal) in cases {
            #expect(LinkResolver.normalise(path) == normal, "\(path.debugDescription)")
        }
    }
}
