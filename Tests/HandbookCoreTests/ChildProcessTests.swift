//! A program Handbook starts (git, WeasyPrint) holds none of the other files Handbook has open.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct ChildProcessTests {
    /// A file open for writing that a program inherits stays unfinished to a watcher until the
    /// program ends: the preview's watcher once reported a theme file copied seconds before.
    @Test func aStartedProgramHoldsNoneOfThisProcesssOpenFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).txt").path
        // Without O_CLOEXEC, as FileManager's copy opens the files it writes.
        let file = open(path, O_WRONLY | O_CREAT, 0o644)
        try #require(file >= 0)
        defer {
            close(file)
            unlink(path)
        }
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "ls -l /proc/$$/fd"], capturing: .standardOutput)
        let listing = String(decoding: child.readToEnd(), as: UTF8.self)
        #expect(child.waitForExit() == 0)
        #expect(listing.contains("0 -> /dev/null"), "the shell's own descriptors are listed")
        #expect(!listing.contains(path))
    }
}
