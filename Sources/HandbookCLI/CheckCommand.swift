//! `handbook check`: every problem in content and theme, without writing anything.

import ArgumentParser
import FoundationEssentials
import HandbookCore

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every error and warning in the content and the theme; write nothing.")

    @OptionGroup var source: ContentOptions

    @Flag(help: "Exit with an error when there are warnings too.")
    var strict = false

    @Option(help: """
        How to print the problems: text, github (workflow commands shown beside the line), \
        gitlab (code-quality JSON), json (file, line, column, severity, message, hint). \
        Except with text, the report alone goes to standard output and the summary to standard error.
        """)
    var format: DiagnosticFormat = .text

    func run() throws {
        do {
            let prepared = try SiteBuilder.prepare(source.buildOptions(), booklet: true)
            try SiteBuilder.write(prepared, into: MemorySink())
            let warnings = prepared.diagnostics.count
            var summary = ["No errors, \(warnings) warning\(warnings == 1 ? "" : "s"): \(prepared.handbook.tips.count) tips, "
                           + "\(prepared.handbook.chapters.count) chapters, \(prepared.handbook.themes.count) themes."]
            summary += prepared.translationSummary.map { $0 + "." }
            if format == .text {
                DiagnosticPrinter.print(prepared.diagnostics)
                for line in summary { print(line) }
            } else {
                StandardStream.output.write(format.report(prepared.diagnostics))
                StandardStream.error.write(summary.map { $0 + "\n" }.joined())
            }
            if strict && warnings > 0 { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            if format == .text {
                DiagnosticPrinter.printFailure(failure)
            } else {
                StandardStream.output.write(format.report(failure.diagnostics))
                DiagnosticPrinter.printCount(failure)
            }
            throw ExitCode.failure
        }
    }
}
