//! `handbook check --format github|gitlab|json` on a broken handbook, and `handbook --version`.

import Foundation
import Testing

@Suite struct CheckFormatTests {
    /// The real handbook with one tip that names an unknown theme.
    static func brokenWorkspace() throws -> URL {
        let folder = try CLITests.workspace()
        try "---\nnumber: 999\ntitle: Broken\nchapter: 1\nthemes: [empaty]\nrelated: [1]\n---\nBody.\n"
            .write(to: folder.appendingPathComponent("content/tips/999-broken.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func githubLinesGoToStandardOutput() throws {
        let folder = try Self.brokenWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--format", "github"], in: folder)
        #expect(result.status != 0)
        #expect(result.stdout == "::error file=content/tips/999-broken.md,line=5,col=10::unknown theme 'empaty'%0Ahint: did you mean 'empathy'?\n")
        #expect(result.stderr == "1 error; nothing was written.\n")
    }

    @Test func gitlabReportIsJSONAlone() throws {
        let folder = try Self.brokenWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--format", "gitlab"], in: folder)
        #expect(result.status != 0)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 1)
        let location = issues.first?["location"] as? [String: Any]
        #expect(location?["path"] as? String == "content/tips/999-broken.md")
        #expect((location?["lines"] as? [String: Any])?["begin"] as? Int == 5)
    }

    @Test func jsonReportNamesFileLineAndColumn() throws {
        let folder = try Self.brokenWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--format", "json"], in: folder)
        #expect(result.status != 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects.first?["file"] as? String == "content/tips/999-broken.md")
        #expect(objects.first?["line"] as? Int == 5)
        #expect(objects.first?["column"] as? Int == 10)
        #expect(objects.first?["severity"] as? String == "error")
    }

    @Test func aCleanHandbookGivesAnEmptyReportAndTheSummaryOnStandardError() throws {
        let folder = try CLITests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--format", "json"], in: folder)
        #expect(result.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])
        #expect(objects.isEmpty)
        #expect(result.stderr.hasPrefix("No errors, 0 warnings:"))
    }

    @Test func versionIsPrinted() throws {
        let result = try CLITests.run(["--version"], in: CLITests.packageRoot)
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "got: \(result.stdout)")
    }
}
