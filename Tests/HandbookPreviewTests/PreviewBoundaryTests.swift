//! The preview against a hostile web page and a lazy client (issue 23, faults 7 and 15): only
//! requests that name the preview's own address are answered (no DNS rebinding), a connection
//! that sends nothing, or half a request, is closed, and a folder without its slash is redirected.

import Foundation
import HandbookCore
import Testing
@testable import HandbookPreview
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized)
struct PreviewBoundaryTests {
    /// The status of one request sent with `host` as its Host header (nil: no Host header at all).
    private func status(port: Int, host: String?, target: String = "/") async throws -> (Int, [String: String]) {
        try await offPool {
            let connection = try RawConnection(port: port)
            try connection.send("GET \(target) HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n")
            return try connection.readHead(deadline: Date().addingTimeInterval(60))
        }
    }

    @Test func onlyTheBoundAddressIsServed() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "127.0.0.1", "LOCALHOST:\(port)"] {
            #expect(try await status(port: port, host: host).0 == 200, "\(host)")
        }
        for host in ["evil.example.com", "evil.example.com:\(port)", "127.0.0.1.evil.example.com:\(port)",
                     "127.0.0.1:\(port + 1)", "localhost:80", ""] {
            #expect(try await status(port: port, host: host).0 == 421, "\(host)")
        }
        // The reload channel too: a rebinding page must not learn when the site changes.
        #expect(try await status(port: port, host: "evil.example.com", target: LiveReloadScript.eventsPath).0 == 421)
        try await preview.stop()
    }

    @Test func aConnectionThatSendsHalfARequestIsClosed() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let closed = try await offPool { () -> Bool in
            let idle = try RawConnection(port: port)
            let half = try RawConnection(port: port)
            try half.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            // A deadline far beyond the server's timeouts, so that a server without them fails here.
            let deadline = Date().addingTimeInterval(90)
            let idleEnd = try? idle.readToEnd(deadline: deadline)
            let halfEnd = try? half.readToEnd(deadline: deadline)
            return idleEnd != nil && halfEnd != nil
        }
        #expect(closed)
        #expect(try await preview.get("/").status == 200)
        try await preview.stop()
    }

    /// Connections past the cap wait in the listen queue instead of taking open files, and as the
    /// idle timeout closes the hanging ones, a new tab's request is answered.
    @Test func connectionsPastTheCapWaitAndANewTabIsStillAnswered() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook) {
            $0.maximumConnections = 8
            $0.idleTimeout = .seconds(2)
        }
        let port = preview.port
        let before = Self.openFiles()
        let hanging = try await offPool { try (0..<40).map { _ in try RawConnection(port: port) } }
        try await Task.sleep(for: .seconds(1))
        // Each accepted connection is one open file on the server's side, beside the client's own.
        let accepted = Self.openFiles() - before - hanging.count
        #expect(accepted <= 8 + 2, "the server holds \(accepted) connections open, past its cap of 8")
        #expect(try await preview.get("/").status == 200)
        withExtendedLifetime(hanging) {}
        try await preview.stop()
    }

    private static func openFiles() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    @Test func aFolderWithoutItsSlashIsRedirected() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let booklet = try await preview.get("/booklet")
        #expect(booklet.status == 301)
        #expect(booklet.header("Location") == "/booklet/")
        #expect(try await preview.get("/booklet/").status == 200)
        let query = try await preview.get("/booklet?x=1")
        #expect(query.header("Location") == "/booklet/?x=1")
        // A folder without an index.html, and a file, are not redirected.
        #expect(try await preview.get("/tips").status == 404)
        #expect(try await preview.get("/index.html").status == 200)
        try await preview.stop()
    }
}
