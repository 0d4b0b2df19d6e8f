//! What a reader of `handbook serve` sees in headless Chromium as files are saved: the page reloads at
//! the same place, a stylesheet applies without a reload, another tip leaves the page alone, and the
//! error panel comes and goes with broken front matter. The checks are in
//! Tests/BrowserTests/live_reload_checks.py; this test runs them with the built `handbook`.

import Foundation
import Testing

@Suite struct LiveReloadBrowserTests {
    static let python = program("python3")
    static let chromium = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].compactMap(program).first
    static var available: Bool { ServeCommandTests.executable != nil && python != nil && chromium != nil }

    @Test(.enabled(if: available, "needs the built handbook, chromium and python3 on PATH (apt-get install -y chromium python3)"),
          .timeLimit(.minutes(5)))
    func savedFilesShowInTheOpenPage() async throws {
        let script = TemporaryHandbook.repository.appendingPathComponent("Tests/BrowserTests/live_reload_checks.py")
        let arguments = [script.path, ServeCommandTests.executable!.path]
        // On a thread of its own, as BrowserChecks.runOffThePool: a wait this long must not hold a shared thread.
        // The checks print straight into the test's output: one line each, and what `serve` printed on a failure.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: Self.python!)
                    process.arguments = arguments
                    try process.run()
                    process.waitUntilExit()
                    return process.terminationStatus
                })
            }
        }
        #expect(status == 0, "live reload checks failed: their lines are above")
    }

    static func program(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
