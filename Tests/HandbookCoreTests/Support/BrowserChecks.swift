//! What every browser test does around its Python checks: build a site, run a script of
//! Tests/BrowserTests/ with python3, and show its output.

import Foundation
@testable import HandbookCore

enum BrowserChecks {
    /// Builds `content` (a folder below the package root) with the default theme into `output`.
    static func build(_ content: String, into output: URL) throws {
        _ = try SiteBuilder.build(BuildOptions(content: packageRoot.appendingPathComponent(content).path,
                                               theme: packageRoot.appendingPathComponent("themes/default").path,
                                               output: output.path))
    }

    /// Runs `Tests/BrowserTests/<script>` with `arguments`, prints what it said and returns its
    /// exit status with that output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = packageRoot.appendingPathComponent("Tests/BrowserTests/" + script).path
        let (status, output) = try SearchBrowserTests.run(SearchBrowserTests.python!, [path] + arguments)
        print(output)
        return (status, output)
    }

    /// `run` on a thread of its own: a check that takes minutes must not hold one of the few
    /// threads Swift's concurrency shares (two on a two-core machine), which other suites'
    /// servers need meanwhile.
    static func runOffThePool(_ script: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(script, arguments) })
            }
        }
    }
}
