//! The quick reading of `handbook build` arguments against ArgumentParser's.

import ArgumentParser
@testable import HandbookCLI
import Testing

@Suite struct QuickBuildArgumentsTests {
    /// What ArgumentParser makes of the arguments, in the quick reader's terms; nil when it
    /// refuses them (or they ask for help).
    static func parsedByArgumentParser(_ arguments: [String]) -> QuickBuildArguments? {
        guard let command = (try? BuildCommand.parseAsRoot(arguments)) as? BuildCommand else { return nil }
        var parsed = QuickBuildArguments([])!
        parsed.content = command.source.content
        parsed.theme = command.source.theme
        parsed.output = command.output
        parsed.drafts = command.source.drafts
        parsed.timings = command.timings
        return parsed
    }

    @Test func readsPlainBuildsAsArgumentParserDoes() throws {
        let cases: [[String]] = [
            [],
            ["--output", "out", "--timings"],
            ["--content", "my content", "--theme=themes/copy", "--output=/tmp/site", "--drafts"],
            ["--drafts", "--timings", "--content", "c"],
        ]
        for arguments in cases {
            let quick = try #require(QuickBuildArguments(arguments), "\(arguments)")
            #expect(quick == Self.parsedByArgumentParser(arguments), "\(arguments)")
        }
        let options = try #require(QuickBuildArguments(["--content", "c", "--output=o", "--drafts"])).buildOptions
        #expect(options.content.shown == "c" && options.theme.shown == "themes/default" && options.output.shown == "o")
        #expect(options.includeDrafts)
    }

    @Test func leavesAnythingElseToArgumentParser() {
        let others: [[String]] = [
            ["--help"], ["-h"], ["--output"], ["--output", "--drafts"], ["--output", "-x"], ["--output="],
            ["--ouput", "x"], ["--drafts=true"], ["--drafts", "--drafts"], ["--output", "a", "--output", "b"],
            ["--", "x"], ["site"], ["--content", "c", "extra"], ["build"], ["--version"], ["-"],
        ]
        for arguments in others {
            #expect(QuickBuildArguments(arguments) == nil, "\(arguments)")
        }
    }

    /// Random argument lists from a vocabulary of options, values and mistakes: whenever the
    /// quick reader accepts one, ArgumentParser reads the same values from it.
    @Test func neverDisagreesWithArgumentParser() {
        let vocabulary = ["--content", "--theme", "--output", "--drafts", "--timings", "--content=a", "--output=b",
                          "--theme=", "--drafts=1", "x", "y z", "-v", "--", "--help", "é", "--output=-o", "build"]
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<3000 {
            let arguments = (0..<Int.random(in: 0...5, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            guard let quick = QuickBuildArguments(arguments) else { continue }
            accepted += 1
            #expect(quick == Self.parsedByArgumentParser(arguments), "\(arguments)")
        }
        #expect(accepted > 100)
    }
}
