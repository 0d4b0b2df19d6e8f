// Interrupting `handbook build` (issue 8): the real executable, over a real previous site, is sent
// SIGINT or SIGTERM at many moments, from before it starts to while it puts the new site in place
// and clears the old one away. After every run `site/` is exactly the previous build or exactly the
// new one, and the next good build leaves no staging or old folders behind.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized)
struct InterruptTests {
    /// Two versions of a handbook that differ in every page and in their file lists, each with
    /// 100 generated tips besides the real ones, so that a build writes long enough (over half a
    /// second in a debug build) to be interrupted at many points.
    struct Workspace {
        let folder: URL
        var versions: [String] { ["content", "content-b"] }

        init() throws {
            folder = try CLITests.workspace()
            let content = folder.appendingPathComponent("content")
            let tips = content.appendingPathComponent("tips")
            for number in 1001...1100 {
                let text = """
                    ---
                    number: \(number)
                    title: "Generated tip \(number)"
                    chapter: \(number % 9 + 1)
                    themes: [\(number % 2 == 0 ? "leadership" : "empathy")]
                    related: [1, \(number == 1100 ? 1001 : number + 1)]
                    summary: A generated tip that makes the build long enough to interrupt.
                    ---
                    Tip \(number) says one small thing about the customer, see [](tip:1) and [](tip:\(number == 1001 ? 1100 : number - 1)).

                    **Try this:** read tip \(number) again tomorrow.

                    """
                try Data(text.utf8).write(to: tips.appendingPathComponent("\(number)-generated-tip-\(number).md"))
            }
            let other = folder.appendingPathComponent("content-b")
            try FileManager.default.copyItem(at: content, to: other)
            let config = other.appendingPathComponent("handbook.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try text.replacingOccurrences(of: "\nsubtitle: ", with: "\nsubtitle: Version B. ")
                .write(to: config, atomically: true, encoding: .utf8)
            let extra = """
                ---
                number: 1101
                title: "Only in version B"
                chapter: 9
                themes: [empathy]
                summary: A tip that only the second version has.
                ---
                Only in version B.

                """
            try Data(extra.utf8).write(to: other.appendingPathComponent("tips/1101-only-in-version-b.md"))
        }

        func arguments(version: String, output: String) -> [String] {
            ["build", "--content", version, "--theme", "themes/default", "--output", output]
        }

        /// Every file of a built folder (the marker too), by relative path.
        func snapshot(_ name: String) -> [String: Data] {
            let root = folder.appendingPathComponent(name)
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let path = root.appendingPathComponent(relative).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
            return files
        }

        /// How many files a folder holds (without reading them: a killed build leaves files it
        /// had only begun to write).
        func fileCount(_ name: String) -> Int {
            let enumerator = FileManager.default.enumerator(atPath: folder.appendingPathComponent(name).path)
            var count = 0
            while let relative = enumerator?.nextObject() as? String {
                if enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory, !relative.isEmpty { count += 1 }
            }
            return count
        }

        /// Names in the workspace that a build may leave while it runs: `.site.staging-<pid>`, `.site.old-<pid>`.
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".site.") }.sorted()
        }
    }

    /// When to send the signal.
    enum Moment: CustomStringConvertible {
        /// This long after the process started.
        case after(Duration)
        /// As soon as the staging folder appears (the new site is being written).
        case stagingAppears
        /// As soon as the staging folder holds this file (deep in the writing).
        case stagingHas(String)
        /// This long after the previous site has been moved aside (it is then being deleted).
        case oldAppears(plus: Duration)

        var description: String {
            switch self {
            case .after(let delay): "after \(Int(delay.inSeconds * 1000)) ms"
            case .stagingAppears: "when the staging folder appears"
            case .stagingHas(let file): "when staging has \(file)"
            case .oldAppears(let delay): "\(Moment.after(delay)) after the old site is moved aside"
            }
        }
    }

    struct Outcome {
        var signalled: Bool
        var exitedNormally: Bool
        var status: Int32
        var momentSeen: Bool
    }

    /// Starts the build, sends `signal` at `moment`, and waits (at most 60 s) for it to end.
    static func run(_ arguments: [String], in workspace: Workspace, signal: Int32, at moment: Moment) throws -> Outcome {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = arguments
        process.currentDirectoryURL = workspace.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        let pid = process.processIdentifier
        var seen = false
        switch moment {
        case .after(let delay):
            let remaining = delay - (ContinuousClock.now - start)
            if remaining > .zero { Thread.sleep(forTimeInterval: remaining.inSeconds) }
            seen = process.isRunning
        case .stagingAppears, .stagingHas, .oldAppears:
            let deadline = ContinuousClock.now + .seconds(60)
            let name: String
            switch moment {
            case .oldAppears(_): name = ".site.old-\(pid)"
            default: name = ".site.staging-\(pid)"
            }
            let path = workspace.folder.appendingPathComponent(name)
            var file = path.path
            if case .stagingHas(let inside) = moment { file = path.appendingPathComponent(inside).path }
            while process.isRunning && ContinuousClock.now < deadline {
                if access(file, F_OK) == 0 {
                    seen = true
                    break
                }
                usleep(200)
            }
            if seen, case .oldAppears(let delay) = moment { Thread.sleep(forTimeInterval: delay.inSeconds) }
        }
        if process.isRunning { kill(pid, signal) }
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning && ContinuousClock.now < deadline { usleep(1000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            Issue.record("the build did not end within 60 s of \(signal)")
        }
        process.waitUntilExit()
        return Outcome(signalled: process.terminationReason == .uncaughtSignal,
                       exitedNormally: process.terminationReason == .exit,
                       status: process.terminationStatus, momentSeen: seen)
    }

    @Test func anInterruptedBuildLeavesThePreviousSiteOrTheNewOneWhole() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }

        // Reference builds of both versions, and how long one takes.
        var references: [String: [String: Data]] = [:]
        var slowest = Duration.zero
        for version in workspace.versions {
            let clock = ContinuousClock()
            var result: CLITests.Run?
            let took = try clock.measure {
                result = try CLITests.run(workspace.arguments(version: version, output: "ref-\(version)"), in: workspace.folder)
            }
            #expect(result?.status == 0, "\(result?.stderr ?? "")")
            slowest = max(slowest, took)
            references[version] = workspace.snapshot("ref-\(version)")
            #expect(references[version]?["index.html"] != nil)
        }
        let first = workspace.versions[0], second = workspace.versions[1]
        #expect(references[first] != references[second])
        #expect(Set(references[second]!.keys).subtracting(references[first]!.keys).contains { $0.hasPrefix("tips/1101-") })

        // The previous site.
        #expect(try CLITests.run(workspace.arguments(version: first, output: "site"), in: workspace.folder).status == 0)
        #expect(workspace.snapshot("site") == references[first], "a build differs from the reference build of the same files")
        var current = first

        // Signals at steps across the whole build and a little past it (a run that also clears
        // what the previous one left takes longer), alternating SIGINT and SIGTERM; then at the
        // moments that matter most: as writing starts, deep in it, and while the old site is deleted.
        let steps = 8
        var plan: [(Int32, Moment)] = (0...steps + 1).map { step in
            (step % 2 == 0 ? SIGINT : SIGTERM, .after(slowest * Double(step) / Double(steps)))
        }
        for signal in [SIGINT, SIGTERM] {
            plan += [(signal, .stagingAppears), (signal, .stagingHas("booklet/index.html")),
                     (signal, .stagingHas("assets/handbook.css")), (signal, .oldAppears(plus: .zero)),
                     (signal, .oldAppears(plus: .milliseconds(signal == SIGINT ? 2 : 6)))]
        }
        var summary: [String] = []
        for (signal, moment) in plan {
            let next = current == first ? second : first
            let outcome = try Self.run(workspace.arguments(version: next, output: "site"), in: workspace, signal: signal, at: moment)
            let site = workspace.snapshot("site")
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            let kept = site == references[current], replaced = site == references[next]
            #expect(kept || replaced, "\(name) \(moment): site/ is neither the previous build nor the new one (\(site.count) files)")
            #expect(site["index.html"] != nil, "\(name) \(moment): no index.html")
            if outcome.exitedNormally {
                #expect(outcome.status == 0 && replaced, "\(name) \(moment): exit \(outcome.status) without a signal")
            } else {
                #expect(outcome.signalled && outcome.status == signal, "\(name) \(moment): ended by signal \(outcome.status)")
            }
            summary.append("\(name) \(moment): \(outcome.signalled ? "killed" : "finished"), \(replaced ? "new" : "previous") site"
                           + (outcome.momentSeen ? "" : " (moment not reached)") + ", left "
                           + (try workspace.leftovers()).map { "\($0) (\(workspace.fileCount($0)) files)" }.joined(separator: ", "))
            if replaced { current = next }
        }

        // The next good build clears whatever the interrupted ones left.
        let next = current == first ? second : first
        let last = try CLITests.run(workspace.arguments(version: next, output: "site"), in: workspace.folder)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(workspace.snapshot("site") == references[next])
        let leftovers = try workspace.leftovers()
        #expect(leftovers == [], "left behind: \(leftovers)\n\(summary.joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["HANDBOOK_INTERRUPT_LOG"] != nil {
            print("build takes \(slowest), \(references[first]!.count) files\n" + summary.joined(separator: "\n"))
        }
    }
}

private extension Duration {
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
