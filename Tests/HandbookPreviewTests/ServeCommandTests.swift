// `handbook serve` as a user runs it: the address it prints, Ctrl-C, and its start-up errors.

import Foundation
import Testing

@Suite(.serialized)
struct ServeCommandTests {
    /// The `handbook` executable that `swift test` built beside the test bundle, if any.
    static let executable: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("handbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// A running `handbook serve`, with what it printed so far.
    final class Serve: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = "", err = ""

        init(_ arguments: [String], in folder: URL) throws {
            process.executableURL = ServeCommandTests.executable
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = folder
            let outPipe = Pipe(), errPipe = Pipe()
            process.standardOutput = outPipe
            process.standardError = errPipe
            outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                self?.lock.withLock { self?.out += text }
            }
            errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                self?.lock.withLock { self?.err += text }
            }
            try process.run()
        }

        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }

        /// Waits until stdout matches `pattern` and returns the match's first group.
        func waitFor(_ pattern: String, timeout: TimeInterval = 240) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let match = stdout.firstMatch(of: try! Regex(pattern)), match.count > 1 {
                    return match[1].substring.map(String.init)
                }
                if !process.isRunning { return nil }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }

        /// Waits for the process to exit; false when it is still running after `timeout`.
        func waitForExit(timeout: TimeInterval = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                process.terminate()
                return false
            }
            Thread.sleep(forTimeInterval: 0.1) // the last output
            return true
        }
    }

    @Test(.enabled(if: executable != nil)) func ctrlCStopsCleanlyWithAPageOpen() async throws {
        let handbook = try TemporaryHandbook()
        let serve = try Serve(["--port", "0", "--content", handbook.content.path, "--theme", handbook.theme.path],
                              in: handbook.root)
        let port = try #require(try await offPool { serve.waitFor(#"Serving the handbook at http://127\.0\.0\.1:(\d+)/"#) }
            .flatMap { Int($0) }, "no address printed: \(serve.stdout) \(serve.stderr)")
        #expect(serve.stdout.contains("Built "))
        let page = try await offPool { try RawHTTP.request(port: port, target: "/") }
        #expect(page.status == 200)
        let events = try await offPool { try SSEClient(port: port) }
        _ = try await offPool { try events.next() }

        kill(serve.process.processIdentifier, SIGINT)
        let exited = try await offPool { serve.waitForExit() }
        #expect(exited)
        #expect(serve.process.terminationStatus == 0)
        #expect(serve.stdout.hasSuffix("Stopped.\n"))
        #expect(!serve.stderr.contains("Fatal"), "\(serve.stderr)")
        #expect(!serve.stderr.contains("Backtrace"), "\(serve.stderr)")
        #expect(RawHTTP.isClosed(port: port))
    }

    @Test(.enabled(if: executable != nil)) func aHostOnTheNetworkIsWarnedAbout() async throws {
        let handbook = try TemporaryHandbook()
        // 192.0.2.1 is for documentation only: this machine cannot listen there, so nothing is exposed.
        let serve = try Serve(["--port", "0", "--host", "192.0.2.1", "--content", handbook.content.path,
                               "--theme", handbook.theme.path], in: handbook.root)
        #expect(try await offPool { serve.waitForExit(timeout: 60) })
        #expect(serve.process.terminationStatus == 1)
        #expect(serve.stderr.contains("warning: listening on 192.0.2.1 makes the handbook visible to other machines"))
        #expect(serve.stderr.contains("error: cannot listen on '192.0.2.1'"))
    }

    @Test(.enabled(if: executable != nil)) func aBusyPortIsReportedPlainly() async throws {
        let handbook = try TemporaryHandbook()
        let first = try Serve(["--port", "0", "--content", handbook.content.path, "--theme", handbook.theme.path],
                              in: handbook.root)
        defer { kill(first.process.processIdentifier, SIGINT); _ = first.waitForExit() }
        let port = try #require(try await offPool { first.waitFor(#"http://127\.0\.0\.1:(\d+)/"#) })
        let second = try Serve(["--port", port, "--content", handbook.content.path, "--theme", handbook.theme.path],
                               in: handbook.root)
        #expect(try await offPool { second.waitForExit(timeout: 60) })
        #expect(second.process.terminationStatus == 1)
        #expect(second.stderr.contains("error: port \(port) is already in use"), "\(second.stderr)")
        #expect(!second.stderr.contains("Fatal"))
    }
}
