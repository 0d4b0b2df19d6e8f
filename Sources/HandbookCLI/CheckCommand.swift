//! `handbook check`: every problem in content and theme, without writing anything.

import ArgumentParser
import HandbookCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every error and warning in the content and the theme; write nothing.")

    @OptionGroup var source: ContentOptions

    @Flag(help: "Exit with an error when there are warnings too.")
    var strict = false

    func run() throws {
        do {
            let prepared = try SiteBuilder.prepare(source.buildOptions(), booklet: true)
            try SiteBuilder.write(prepared, into: MemorySink())
            DiagnosticPrinter.print(prepared.diagnostics)
            let warnings = prepared.diagnostics.count
            print("No errors, \(warnings) warning\(warnings == 1 ? "" : "s"): \(prepared.handbook.tips.count) tips, "
                  + "\(prepared.handbook.chapters.count) chapters, \(prepared.handbook.themes.count) themes.")
            for line in prepared.translationSummary { print(line + ".") }
            if strict && warnings > 0 { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            DiagnosticPrinter.printFailure(failure)
            throw ExitCode.failure
        }
    }
}
