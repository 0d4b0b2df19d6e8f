//! The CI forms of diagnostics: GitHub workflow commands, GitLab code quality, plain JSON.

import Foundation
import HandbookCore
import Testing

@Suite struct DiagnosticFormatTests {
    static let problems: [Diagnostic] = [
        .error("unknown theme 'empaty'", at: SourceLocation(file: "content/tips/012-listen.md", line: 5, column: 10),
               hint: "did you mean 'empathy'?"),
        .warning("100% of tips, a:b", at: SourceLocation(file: "content/a,b:c.md", line: 2)),
        .error("the output folder 'content/site' is inside the content folder", at: nil),
    ]

    @Test func githubPrintsOneWorkflowCommandPerProblemWithItsPlace() {
        let lines = DiagnosticFormat.github.report(Self.problems).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            "::error file=content/tips/012-listen.md,line=5,col=10::unknown theme 'empaty'%0Ahint: did you mean 'empathy'?",
            // Property values escape the ':' and ',' that would end them; the message its '%'.
            "::warning file=content/a%2Cb%3Ac.md,line=2::100%25 of tips, a:b",
            "::error::the output folder 'content/site' is inside the content folder",
            "",
        ])
    }

    @Test func gitlabIsACodeQualityReport() throws {
        let report = DiagnosticFormat.gitlab.report(Self.problems)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [[String: Any]])
        #expect(issues.count == 3)
        let first = issues[0]
        #expect(first["description"] as? String == "unknown theme 'empaty' (hint: did you mean 'empathy'?)")
        #expect(first["severity"] as? String == "critical")
        #expect(first["check_name"] as? String == "handbook-error")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["path"] as? String == "content/tips/012-listen.md")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 5)
        #expect(issues[1]["severity"] as? String == "minor")
        #expect((issues[2]["location"] as? [String: Any])?["path"] as? String == ".")
        // Fingerprints tell issues apart and stay the same from run to run.
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == 3)
        #expect(DiagnosticFormat.gitlab.report(Self.problems) == report)
    }

    @Test func jsonHasFileLineColumnSeverityMessageAndHint() throws {
        let report = DiagnosticFormat.json.report(Self.problems)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [[String: Any]])
        #expect(objects[0]["file"] as? String == "content/tips/012-listen.md")
        #expect(objects[0]["line"] as? Int == 5)
        #expect(objects[0]["column"] as? Int == 10)
        #expect(objects[0]["severity"] as? String == "error")
        #expect(objects[0]["message"] as? String == "unknown theme 'empaty'")
        #expect(objects[0]["hint"] as? String == "did you mean 'empathy'?")
        #expect(objects[1]["column"] is NSNull)
        #expect(objects[1]["hint"] is NSNull)
        #expect(objects[2]["file"] is NSNull)
    }

    @Test func noProblemsIsAnEmptyReport() {
        #expect(DiagnosticFormat.github.report([]) == "")
        #expect(DiagnosticFormat.json.report([]) == "[]\n")
        #expect(DiagnosticFormat.gitlab.report([]) == "[]\n")
    }
}
