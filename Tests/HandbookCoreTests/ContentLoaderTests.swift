//! Which files the loader reads, in what order, and what it makes of their bytes.

import Foundation
import Testing
@testable import HandbookCore

struct ContentLoaderTests {
    @Test func markdownNamesEndInDotMDInAnyCase() {
        for name in ["a.md", "A.MD", "tip.Md", "x.mD", ".md", "0001-welcome.md"] {
            #expect(ContentLoader.isMarkdownName(name), "\(name)")
        }
        for name in ["md", "a.mdx", "a.markdown", "a.m", "a-md", "amd", "a.md.txt", "", "d", "a.nd", "a.me", "a,md"] {
            #expect(!ContentLoader.isMarkdownName(name), "\(name)")
        }
    }

    /// Chapters and tips are read in one parallel loop; each still lands in its own list, in
    /// name order, and a file that cannot be read is reported under its own folder's path.
    @Test func chaptersAndTipsAreReadInNameOrder() throws {
        let folder = TemporaryDirectory()
        folder.write("title: T\nthemes: []\n", to: "content/handbook.yml")
        for name in ["02-b.md", "01-a.MD", "10-c.md", "notes.txt", ".hidden.md"] {
            folder.write("chapter \(name)\n", to: "content/chapters/" + name)
        }
        for name in ["0003-c.md", "0001-a.md", "0002-b.md", "Zed.md", "deeper/0004-d.md"] {
            folder.write("tip \(name)", to: "content/tips/" + name)
        }
        folder.write("", to: "content/tips/0005-empty.md")
        let unreadable = folder.file("content/tips/0006-locked.md")
        folder.write("locked", to: "content/tips/0006-locked.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: unreadable.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: unreadable.path) }
        let canRead = access(unreadable.path, R_OK) == 0 // root reads it anyway

        let files = ContentLoader.load(root: UserPath(url: folder.file("content"), shown: "content"))
        #expect(files.chapters.map(\.path) == ["content/chapters/01-a.MD", "content/chapters/02-b.md", "content/chapters/10-c.md"])
        #expect(files.chapters.map(\.text) == ["chapter 01-a.MD\n", "chapter 02-b.md\n", "chapter 10-c.md\n"])
        var tips = ["content/tips/0001-a.md", "content/tips/0002-b.md", "content/tips/0003-c.md", "content/tips/0005-empty.md"]
        if canRead { tips.append("content/tips/0006-locked.md") }
        tips += ["content/tips/Zed.md", "content/tips/deeper/0004-d.md"]
        #expect(files.tips.map(\.path) == tips)
        #expect(files.tips.first?.text == "tip 0001-a.md")
        #expect(files.tips.first { $0.path.hasSuffix("empty.md") }?.text == "")
        if !canRead {
            #expect(files.diagnostics.map(\.location?.file) == ["content/tips/0006-locked.md"])
        }
    }
}
