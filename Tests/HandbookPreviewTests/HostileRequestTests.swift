// Hostile and broken requests against the real preview server (issue 8): absurdly long URLs and
// headers, 200 connections at once, 200 reload listeners that vanish mid-stream during a rebuild,
// and a storm of saves that makes rebuilds queue up behind each other. After each, the server
// still answers a normal request. Only 127.0.0.1; every wait has a deadline.

import Foundation
import HandbookCore
import NIOCore
import Testing
@testable import HandbookPreview
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized)
struct HostileRequestTests {
    static let firstTip = "/tips/001-stop-confusing-intention-with-experience.html"

    // MARK: - Long URLs and headers

    @Test func absurdlyLongURLsAndHeadersAreRefused() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let manyHeaders = (0..<10_000).map { String(format: "X-Hostile-%05d: value-%05d\r\n", $0, $0) }.joined()
        let cases: [(name: String, request: String)] = [
            ("100 KB path", "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
            ("100 KB of ../", "GET /" + String(repeating: "../", count: 34_000) + "etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
            ("100 KB query", "GET /?q=" + String(repeating: "%2e", count: 34_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
            ("1 MB header", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "b", count: 1 << 20) + "\r\n\r\n"),
            ("1 MB header name", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "N", count: 1 << 20) + ": v\r\n\r\n"),
            ("10,000 headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + manyHeaders + "\r\n"),
            ("10,000 tiny headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "a: b\r\n", count: 10_000) + "\r\n"),
            ("SSE with a 1 MB header", "GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: "
                + String(repeating: "9", count: 1 << 20) + "\r\n\r\n"),
        ]
        let clock = ContinuousClock()
        for (name, request) in cases {
            var outcome = Outcome.closed
            let took = try await clock.measure {
                // Generous: the other suites build handbooks on the same two cores meanwhile.
                outcome = try await offPool { try Self.send(Array(request.utf8), port: port, timeout: 30) }
            }
            switch outcome {
            case .status(let status, _): #expect((400..<500).contains(status), "\(name): got \(status)")
            case .closed: break // the server shut the door without an answer: fine
            }
            #expect(took < .seconds(30), "\(name) took \(took)")
            // The server is still there for the next (normal) request.
            let home = try await preview.get("/")
            #expect(home.status == 200, "after \(name)")
            #expect(home.text.contains("</html>"), "after \(name)")
        }
        // A long but reasonable URL is an ordinary miss.
        let long = try await preview.get("/" + String(repeating: "x", count: 4_000) + ".html")
        #expect(long.status == 404)
        // A request that never finishes its headers does not stop others from being served.
        let stalled = try RawConnection(port: port)
        try stalled.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        #expect(try await preview.get(Self.firstTip).status == 200)
        withExtendedLifetime(stalled) {}
        try await preview.stop()
    }

    // MARK: - Many connections at once

    @Test func twoHundredConcurrentConnectionsAllGetAnswers() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let targets: [(path: String, status: Int, ending: String)] = [
            ("/", 200, "</html>"), (Self.firstTip, 200, "</html>"), ("/assets/handbook.css", 200, ""),
            ("/no-such-page.html", 404, "</html>"), ("/../secret.txt", 400, ""),
        ]
        let failures = try await offPool { () -> [String] in
            // All 200 are open and have sent their request before the first answer is read.
            var connections: [RawConnection] = []
            for index in 0..<200 {
                let connection = try RawConnection(port: port)
                try connection.send("GET \(targets[index % targets.count].path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                connections.append(connection)
            }
            let deadline = Date().addingTimeInterval(30)
            var failures: [String] = []
            for (index, connection) in connections.enumerated() {
                let target = targets[index % targets.count]
                do {
                    let (status, headers) = try connection.readHead(deadline: deadline)
                    let length = Int(headers["content-length"] ?? "") ?? -1
                    let body = try connection.readBytes(max(length, 0), deadline: deadline)
                    let text = String(decoding: body, as: UTF8.self)
                    if status != target.status || length < 0 || !text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(target.ending) {
                        failures.append("#\(index) \(target.path): \(status), \(length) bytes")
                    }
                } catch {
                    failures.append("#\(index) \(target.path): \(error)")
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.count) of 200 failed: \(failures.prefix(5))")
        #expect(try await preview.get("/").status == 200)
        try await preview.stop()
    }

    // MARK: - Reload listeners that vanish

    @Test func reloadListenersThatDisconnectAbruptlyDuringARebuildAreReleased() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let channel = preview.server.channel
        let survivor = try await preview.subscribe()
        let listeners = try await offPool { () -> SendableConnections in
            var connections: [RawConnection] = []
            let deadline = Date().addingTimeInterval(30)
            for _ in 0..<200 {
                let connection = try RawConnection(port: port)
                try connection.send("GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                connections.append(connection)
            }
            for connection in connections {
                let (status, _) = try connection.readHead(deadline: deadline)
                guard status == 200 else { throw RawHTTPError.malformed("listener got \(status)") }
                _ = try connection.readLine(deadline: deadline) // first chunk of the stream: mid-stream from here on
            }
            return SendableConnections(connections)
        }
        #expect(try await Self.waitFor(seconds: 10) { channel.subscriberCount == 201 })
        let generation = preview.server.site.generation

        // Half go before the rebuild starts, half while it runs: each with a reset, not a goodbye.
        listeners.abort(0..<100)
        try handbook.edit(try handbook.tipFile(1)) { $0 + "\nEdited while 200 pages listened.\n" }
        try await Task.sleep(for: .milliseconds(20))
        listeners.abort(100..<200)

        let change = try await nextChange(survivor, timeout: 30)
        #expect((change["generation"] as? Int ?? 0) > generation)
        // Every stream of a vanished page is let go (not only at the next 15-second ping).
        #expect(try await Self.waitFor(seconds: 5) { channel.subscriberCount == 1 },
                "\(channel.subscriberCount) streams still open")

        let page = try await preview.get(Self.firstTip)
        #expect(page.status == 200)
        #expect(page.text.contains("Edited while 200 pages listened."))
        let fresh = try await preview.subscribe()
        try handbook.edit(try handbook.tipFile(2)) { $0 + "\nA second edit.\n" }
        _ = try await nextChange(fresh, timeout: 30)
        _ = try await nextChange(survivor, timeout: 30)
        try await preview.stop()
    }

    @Test func listenersThatVanishWithoutAnyRebuildAreReleased() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let channel = preview.server.channel
        let listeners = try await offPool { () -> SendableConnections in
            var connections: [RawConnection] = []
            let deadline = Date().addingTimeInterval(30)
            for _ in 0..<50 {
                let connection = try RawConnection(port: port)
                try connection.send("GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = try connection.readHead(deadline: deadline)
                connections.append(connection)
            }
            return SendableConnections(connections)
        }
        #expect(try await Self.waitFor(seconds: 10) { channel.subscriberCount == 50 })
        listeners.abort(0..<25)  // reset
        listeners.close(25..<50) // orderly close
        #expect(try await Self.waitFor(seconds: 5) { channel.subscriberCount == 0 },
                "\(channel.subscriberCount) streams still open")
        #expect(try await preview.get("/").status == 200)
        try await preview.stop()
    }

    // MARK: - Rebuilds that overlap

    @Test func aStormOfSavesEndsWithTheNewestContentAndNeverATornPage() async throws {
        let handbook = try TemporaryHandbook()
        let preview = try await RunningPreview.start(handbook)
        let port = preview.port
        let file = try handbook.tipFile(1)
        let original = try handbook.read(file)
        let versions = 12
        func version(_ number: Int) -> String {
            original.replacingOccurrences(of: "\ntitle: Stop confusing intention with experience\n",
                                          with: "\ntitle: Storm version \(number)\n")
                + "\nstorm-marker-\(number)-end\n"
        }

        // Readers fetch pages for as long as the storm lasts; every answer must be one whole version.
        // They block, so they get threads of their own rather than the pool the server runs on.
        let readers = StormReaders()
        for index in 0..<3 {
            readers.start(port: port, target: index == 0 ? "/" : Self.firstTip)
        }
        // Saves at shrinking and growing gaps: some land while a rebuild runs, some between.
        let gaps = [0, 5, 80, 10, 40, 0, 120, 20, 60, 0, 30]
        for number in 1...versions {
            try handbook.save(file, version(number))
            if number <= gaps.count { try await Task.sleep(for: .milliseconds(gaps[number - 1])) }
        }
        let newest = try await Self.waitFor(seconds: 30) {
            let text = String(decoding: preview.server.site.files[String(Self.firstTip.dropFirst())] ?? [], as: UTF8.self)
            return text.contains("storm-marker-\(versions)-end")
        }
        #expect(newest, "the last version never reached the served site")
        // Nothing older lands afterwards.
        try await Task.sleep(for: .milliseconds(300))
        readers.stop()
        #expect(try await Self.waitFor(seconds: 15) { readers.running == 0 })
        let page = try await preview.get(Self.firstTip)
        #expect(page.text.contains("Storm version \(versions) ·"))
        #expect(page.text.contains("storm-marker-\(versions)-end"))
        #expect(readers.failures.isEmpty, "torn pages: \(readers.failures.prefix(5))")
        #expect(readers.count > 10, "only \(readers.count) pages read during the storm")

        // The site served at the end is, byte for byte, what `handbook build` makes of the final files.
        let served = try Self.bytes(of: preview.server.site)
        let full = try handbook.fullBuild()
        #expect(Set(served.keys) == Set(full.keys))
        let different = full.keys.filter { served[$0] != full[$0] }.sorted()
        #expect(different.isEmpty, "differ from a full build: \(different.prefix(5))")
        try await preview.stop()
    }

    // MARK: - Helpers

    enum Outcome {
        case status(Int, [String: String])
        case closed
    }

    /// Sends raw bytes (with a deadline: a server that stops reading must not hang the test) and
    /// reads the status; `closed` when the server drops the connection instead.
    static func send(_ bytes: [UInt8], port: Int, timeout: TimeInterval) throws -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        let connection = try RawConnection(port: port)
        var offset = 0
        while offset < bytes.count {
            var poller = pollfd(fd: connection.fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000) + 1)
            guard ready > 0 else { throw RawHTTPError.timeout }
            if poller.revents & Int16(POLLERR | POLLHUP) != 0 { break }
            let written = bytes.withUnsafeBytes {
                Glibc.send(connection.fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                break // reset or broken pipe: the server closed it; read whatever answer it left
            }
            offset += written
        }
        do {
            let (status, headers) = try connection.readHead(deadline: deadline)
            return .status(status, headers)
        } catch RawHTTPError.closed {
            return .closed
        }
    }

    static func waitFor(seconds: Double, _ condition: @Sendable () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    /// Every file of a served version.
    static func bytes(of site: PreviewSite) throws -> [String: Data] {
        site.files.mapValues { Data($0) }
    }
}

/// Open connections handed between threads; `abort` resets them (SO_LINGER 0, then close), as a
/// crashed browser tab or a pulled cable would.
final class SendableConnections: @unchecked Sendable {
    private let lock = NSLock()
    private var connections: [RawConnection?]

    init(_ connections: [RawConnection]) {
        self.connections = connections
    }

    func abort(_ range: Range<Int>) {
        lock.withLock {
            for index in range {
                guard let connection = connections[index] else { continue }
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                _ = setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                connections[index] = nil // closes it
            }
        }
    }

    func close(_ range: Range<Int>) {
        lock.withLock {
            for index in range { connections[index] = nil }
        }
    }
}

/// Threads that fetch a page over and over until stopped, and check each answer is one whole
/// version of it.
final class StormReaders: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var _failures: [String] = []
    private var _count = 0

    private var _running = 0

    var failures: [String] { lock.withLock { _failures } }
    var count: Int { lock.withLock { _count } }
    var running: Int { lock.withLock { _running } }

    func stop() { lock.withLock { stopped = true } }

    func start(port: Int, target: String) {
        lock.withLock { _running += 1 }
        Thread { [self] in
            read(port: port, target: target)
            lock.withLock { _running -= 1 }
        }.start()
    }

    private func read(port: Int, target: String) {
        while !lock.withLock({ stopped }) {
            do {
                let response = try RawHTTP.request(port: port, target: target, timeout: 10)
                if let problem = Self.problem(in: response) { lock.withLock { _failures.append("\(target): \(problem)") } }
                lock.withLock { _count += 1 }
            } catch {
                lock.withLock { _failures.append("\(target): \(error)") }
            }
        }
    }

    /// Why the answer is not one whole page of one version, or nil when it is.
    static func problem(in response: HTTPResult) -> String? {
        guard response.status == 200 else { return "status \(response.status)" }
        guard response.header("Content-Length") == String(response.body.count) else { return "length differs" }
        let text = response.text
        guard text.hasPrefix("<!DOCTYPE html>"), text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"),
              text.contains("</body>") else { return "not a whole HTML document" }
        // The title and the body of the tip (and the index's link to it) come from one version.
        var seen = Set<Int>()
        for prefix in ["Storm version ", "storm-marker-"] {
            var rest = Substring(text)
            while let range = rest.range(of: prefix) {
                rest = rest[range.upperBound...]
                if let number = Int(rest.prefix(while: \.isNumber)) { seen.insert(number) }
            }
        }
        if seen.count > 1 { return "versions \(seen.sorted()) mixed in one page" }
        return nil
    }
}
