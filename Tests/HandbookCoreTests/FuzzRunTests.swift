//! The whole pipeline (load, validate, theme, Markdown) on mutated tips, handbook.yml files and
//! theme templates: no crash, no hang, and every diagnostic names its file, line and column.
//! `swift test` runs a small sample; `Tests/Scripts/fuzz.sh` (docs/hostile-input.md) runs
//! 5,000 tips and 1,000 each of the others. HANDBOOK_FUZZ_TIPS, HANDBOOK_FUZZ_CONFIGS,
//! HANDBOOK_FUZZ_TEMPLATES set the counts, HANDBOOK_FUZZ_SEED the seed.

import Foundation
import Testing
@testable import HandbookCore

@Suite(.serialized) struct FuzzRunTests {
    private static let environment = ProcessInfo.processInfo.environment
    private static func count(_ name: String, sample: Int) -> Int { environment[name].flatMap(Int.init) ?? sample }

    /// Mustache fragments, added to the tokens the Markdown fuzzer uses.
    static let templateTokens: [[UInt8]] = ["{{#tips}}", "{{/tips}}", "{{^tips}}", "{{> header}}", "{{{title}}}", "{{!",
                                            "{{=<% %>=}}", "{{#", "{{/", "}}}", "{{.}}", "{{> tip-list}}", "{{#tip}}{{/tip}}"]
        .map { Array($0.utf8) }

    /// One run's tally, printed at the end so that a long run can be quoted.
    final class Tally: @unchecked Sendable {
        var cases = 0
        var unlocatedCount = 0
        var unlocated: [String] = []
    }

    /// Runs `prepare` on its own thread; false when it has not returned after `seconds` (a hang).
    private static func prepare(_ options: BuildOptions, seconds: Int = 120) -> [Diagnostic]? {
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var diagnostics: [Diagnostic] = [] }
        let box = Box()
        Thread {
            do {
                box.diagnostics = try SiteBuilder.prepare(options).diagnostics
            } catch let failure as BuildFailure {
                box.diagnostics = failure.diagnostics
            } catch {
                box.diagnostics = [.error("unexpected error: \(error)", at: nil)]
            }
            done.signal()
        }.start()
        return done.wait(timeout: .now() + .seconds(seconds)) == .timedOut ? nil : box.diagnostics
    }

    private static func check(_ diagnostics: [Diagnostic], input: [UInt8], into tally: Tally) {
        tally.cases += 1
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, !location.file.isEmpty, location.line > 0, location.column > 0 else {
                tally.unlocatedCount += 1
                if tally.unlocated.count < 20 {
                    tally.unlocated.append("\(diagnostic.description)\n  input: \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)")
                }
                continue
            }
        }
    }

    private static func report(_ kind: String, _ tally: Tally) {
        print("fuzz: \(tally.cases) mutated \(kind): 0 crashes, 0 hangs, \(tally.unlocatedCount) diagnostics without file:line:col")
        #expect(tally.unlocated.isEmpty, "\(tally.unlocated.joined(separator: "\n"))")
    }

    @Test func mutatedTipsThroughThePipeline() throws {
        try Self.mutateThroughPipeline(try FuzzTests.corpus(), at: "content/tips/004-fuzz.md", seedOffset: 0,
                                       count: Self.count("HANDBOOK_FUZZ_TIPS", sample: 150), kind: "tips")
    }

    @Test func mutatedConfigsThroughThePipeline() throws {
        let corpus = [Array(ContentFixture.config.utf8),
                      Array(try Data(contentsOf: packageRoot.appendingPathComponent("content/handbook.yml")))]
        try Self.mutateThroughPipeline(corpus, at: "content/handbook.yml", seedOffset: 1,
                                       count: Self.count("HANDBOOK_FUZZ_CONFIGS", sample: 40), kind: "handbook.yml files")
    }

    /// The seed of a run: HANDBOOK_FUZZ_SEED (or the default), plus one per kind of input.
    private static func random(seedOffset: UInt64) -> FuzzTests.Random {
        FuzzTests.Random(state: (environment["HANDBOOK_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261207) &+ seedOffset)
    }

    /// Writes `count` mutations of the corpus, one at a time, to `path` in a standard fixture and
    /// runs the pipeline on each.
    private static func mutateThroughPipeline(_ corpus: [[UInt8]], at path: String, seedOffset: UInt64,
                                              count: Int, kind: String) throws {
        var random = random(seedOffset: seedOffset)
        let fixture = ContentFixture(ContentFixture.standard())
        let tally = Tally()
        for _ in 0..<count {
            let input = FuzzTests.mutate(corpus[random.below(corpus.count)], with: corpus[random.below(corpus.count)], &random)
            fixture.directory.write(Data(input), to: path)
            let diagnostics = try #require(prepare(fixture.options), "a hang on \(String(decoding: input, as: UTF8.self).debugDescription)")
            check(diagnostics, input: input, into: tally)
        }
        report(kind, tally)
    }

    @Test func mutatedTemplatesThroughThePipeline() throws {
        var random = Self.random(seedOffset: 2)
        let fixture = ContentFixture(ContentFixture.standard())
        let theme = fixture.directory.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        let templates = try FileManager.default.subpathsOfDirectory(atPath: theme.appendingPathComponent("templates").path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        let originals = try templates.map { Array(try Data(contentsOf: theme.appendingPathComponent("templates/" + $0))) }
        var options = fixture.options
        options.theme = UserPath(url: theme, shown: "theme")
        let tally = Tally()
        for _ in 0..<Self.count("HANDBOOK_FUZZ_TEMPLATES", sample: 40) {
            let chosen = random.below(templates.count)
            var input = FuzzTests.mutate(originals[chosen], with: originals[random.below(originals.count)], &random)
            let token = Self.templateTokens[random.below(Self.templateTokens.count)]
            input.insert(contentsOf: token, at: random.below(input.count + 1))
            let file = theme.appendingPathComponent("templates/" + templates[chosen])
            try Data(input).write(to: file)
            let diagnostics = try #require(Self.prepare(options), "a hang on \(templates[chosen]): \(String(decoding: input, as: UTF8.self).debugDescription)")
            Self.check(diagnostics, input: input, into: tally)
            try Data(originals[chosen]).write(to: file)
        }
        Self.report("theme templates", tally)
    }
}
