//! Runs the built `handbook` executable: what a user sees on the terminal, and the exit code.

import Foundation
import Testing

@Suite struct CLITests {
    /// The `handbook` executable that `swift test` built beside the test bundle.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("handbook").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("handbook")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A scratch folder holding a copy of the real content and theme.
    static func workspace() throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("handbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"),
                                         to: folder.appendingPathComponent("themes/default"))
        return folder
    }

    @Test func buildPrintsOneSummaryLine() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["build"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^Built \d+ pages \(\d+ tips, \d+ chapters, 4 themes; en, nl\) in \d+ ms -> site$"#,
                           options: .regularExpression) != nil, "got: \(line)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/nl/index.html").path))
    }

    @Test func checkReportsEveryAssessmentProblemLocatedInOneRun() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("content/assessment.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "tips: [69, 50, 49, 68]", with: "tips: [69, 500]")
            .replacingOccurrences(of: "        tips: [62, 59, 60]\n", with: "")
            .replacingOccurrences(of: "groups:\n", with: "colour: blue\ngroups:\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        func place(_ needle: String, _ column: String) -> String {
            let index = lines.firstIndex { $0.contains(needle) }!
            return "content/assessment.yml:\(index + 1):\(lines[index].range(of: column)!.lowerBound.utf16Offset(in: lines[index]) + 1)"
        }
        let result = try Self.run(["check"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr == """
            \(place("colour: blue", "colour")): error: unknown key 'colour'
                hint: allowed keys are intro, groups
            \(place("[69, 500]", "500")): error: statement 'fix-first' names tip 500, which does not exist
                hint: tips are numbered 1 to 109
            \(place("id: enthusiasts", "enthusiasts")): error: statement 'enthusiasts' points to no tips
                hint: add 'tips: [N, M]' with the two to four tips that help most when it scores low
            3 errors; nothing was written.

            """)
    }

    @Test func errorsAreCompilerStyleAndExitNonZero() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tip = folder.appendingPathComponent("content/tips/999-broken.md")
        try "---\nnumber: 999\ntitle: Broken\nchapter: 1\nthemes: [empaty]\nrelated: [1]\n---\nSee [](tip:5000).\n"
            .write(to: tip, atomically: true, encoding: .utf8)
        let result = try Self.run(["check"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr == """
            content/tips/999-broken.md:5:10: error: unknown theme 'empaty'
                hint: did you mean 'empathy'?
            content/tips/999-broken.md:8:5: error: link to tip 5000, which does not exist
                hint: tips are numbered 1 to 999
            2 errors; nothing was written.

            """)
        let build = try Self.run(["build"], in: folder)
        #expect(build.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func checkOnTheRealHandbookIsClean() throws {
        let result = try Self.run(["check", "--content", Self.packageRoot.appendingPathComponent("content").path,
                                   "--theme", Self.packageRoot.appendingPathComponent("themes/default").path],
                                  in: Self.packageRoot)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("No errors, 0 warnings:"))
    }

    @Test func newTipTakesTheNextNumberAndNeverOverwrites() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tips = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/tips").path)
        let highest = tips.compactMap { Int($0.prefix(3)) }.max() ?? 0
        let result = try Self.run(["new", "tip", "Say thank you twice", "--chapter", "2", "--themes", "empathy,leadership"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let name = String(format: "%03d-say-thank-you-twice.md", highest + 1)
        #expect(result.stdout == "Created content/tips/\(name)\n")
        let text = try String(contentsOf: folder.appendingPathComponent("content/tips/\(name)"), encoding: .utf8)
        #expect(text.hasPrefix("---\nnumber: \(highest + 1)\ntitle: \"Say thank you twice\"\nchapter: 2\nthemes: [empathy, leadership]\n"))
        // The new tip is a draft: the handbook still checks clean. With drafts, the tip is only
        // told what an author adds next (related tips), not that it lacks the lines it should end with.
        #expect(try Self.run(["check"], in: folder).status == 0)
        let withDrafts = try Self.run(["check", "--drafts"], in: folder)
        #expect(withDrafts.status == 0)
        #expect(!withDrafts.stderr.contains("How you'll know"), "\(withDrafts.stderr)")
        #expect(withDrafts.stderr.contains("has no related tips"), "the warnings are where this test looks")
        let bad = try Self.run(["new", "tip", "X", "--chapter", "2", "--themes", "empaty"], in: folder)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("error: unknown theme 'empaty'\n    hint: did you mean 'empathy'?"))
    }

    @Test func newTipLanguageStartsATranslationOfAnExistingTip() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dutchTips = folder.appendingPathComponent("content/nl/tips")
        let seventeen = try #require(try FileManager.default.contentsOfDirectory(atPath: dutchTips.path).first { $0.hasPrefix("017-") })
        let already = try Self.run(["new", "tip", "--language", "nl", "--number", "17"], in: folder)
        #expect(already.status != 0 && already.stderr.contains("error: tip 17 is translated already, in content/nl/tips/\(seventeen)"))
        try FileManager.default.removeItem(at: dutchTips.appendingPathComponent(seventeen))
        let check = try Self.run(["check"], in: folder)
        #expect(check.stdout.contains("nl: 108 of 109 tips, 12 of 12 chapters translated."), "\(check.stdout)")
        #expect(check.stderr.contains("content/nl/tips: warning: 1 of 109 tips are not translated into 'nl' yet: 17"))
        let result = try Self.run(["new", "tip", "--language", "nl", "--number", "17"], in: folder)
        #expect(result.status == 0 && result.stdout == "Created content/nl/tips/017-keep-your-optimism-honest.md\n", "\(result.stderr)")
        #expect(try Self.run(["new", "tip", "--language", "nl"], in: folder).stderr.contains("--language and --number"))
    }

    @Test func refusesToReplaceAFolderItDidNotBuild() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let precious = folder.appendingPathComponent("mine/notes.txt")
        try FileManager.default.createDirectory(at: precious.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        let result = try Self.run(["build", "--output", "mine"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: refusing to replace 'mine': it is not empty and was not built by Handbook"))
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }

    /// A build is parsed with `build` as the root (a shortcut in `HandbookCommand.main`); what it
    /// cannot parse still gets the whole command's messages, named `handbook build`.
    @Test func buildArgumentsParseAsUnderTheWholeCommand() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = try Self.run(["--output", "out", "--timings"], in: folder)
        #expect(options.status == 0)
        #expect(options.stdout.hasSuffix("-> out\n"), "got: \(options.stdout)")
        #expect(options.stderr.contains("Rendering Markdown"))
        let help = try Self.run(["build", "--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: handbook build [--content <content>]"), "got: \(help.stdout)")
        let mistake = try Self.run(["build", "--ouput", "x"], in: folder)
        #expect(mistake.status == 64)
        #expect(mistake.stderr.contains("Error: Unknown option '--ouput'"))
        #expect(mistake.stderr.contains("Usage: handbook build"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    @Test func helpListsTheCommands() throws {
        let result = try Self.run(["--help"], in: Self.packageRoot)
        for command in ["build", "check", "new"] {
            #expect(result.stdout.contains("  \(command)"))
        }
    }
}
