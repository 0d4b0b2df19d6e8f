//! `handbook serve` with a FIFO saved into content/ (issue 23, fault 3): the rebuild reports it
//! instead of blocking on it, later saves are still built, and Ctrl-C still ends the process.

import Foundation
import Testing

@Suite(.serialized)
struct ServeStuckRebuildTests {
    @Test(.enabled(if: ServeCommandTests.executable != nil)) func aFIFOSavedIntoContentNeitherBlocksRebuildsNorCtrlC() async throws {
        let handbook = try TemporaryHandbook()
        let serve = try ServeCommandTests.Serve(["--port", "0", "--content", handbook.content.path, "--theme", handbook.theme.path],
                                                in: handbook.root)
        _ = try #require(try await offPool { serve.waitFor(#"Serving the handbook at http://127\.0\.0\.1:(\d+)/"#) },
                         "no address printed: \(serve.stdout) \(serve.stderr)")
        let fifo = handbook.content.appendingPathComponent("tips/999-x.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reported = try await offPool { serve.waitFor(#"(\d+) error; still serving"#, timeout: 60) }
        #expect(reported == "1", "\(serve.stdout)")
        #expect(serve.stderr.contains("999-x.md: error: this is a named pipe (FIFO), not a file"), "\(serve.stderr)")
        unlink(fifo)
        let fixed = try await offPool { serve.waitFor(#"(Fixed)\. Built"#, timeout: 60) }
        #expect(fixed == "Fixed", "\(serve.stdout)")

        kill(serve.process.processIdentifier, SIGTERM)
        let exited = try await offPool { serve.waitForExit(timeout: 30) }
        #expect(exited)
        // Whatever happened, the FIFO must not keep a reader blocked in this test's process.
        let fd = open(fifo, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { close(fd) }
    }
}
