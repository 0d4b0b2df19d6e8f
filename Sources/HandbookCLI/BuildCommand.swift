//! `handbook build`: content → site.

import ArgumentParser
import HandbookCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "The previous site is replaced only when the build succeeds.")

    @OptionGroup var source: ContentOptions

    @Option(help: "The output folder. Replaced on success; never a folder Handbook did not build.")
    var output: String = "site"

    @Flag(help: "Print how long each step of the build took, to standard error.")
    var timings = false

    func run() throws {
        do {
            var clock = StepClock()
            let report = try SiteBuilder.build(source.buildOptions(output: output)) { step in
                if timings { clock.start(step) }
            }
            if timings { clock.finish() }
            DiagnosticPrinter.print(report.diagnostics)
            print(report.summary)
        } catch let failure as BuildFailure {
            DiagnosticPrinter.printFailure(failure)
            throw ExitCode.failure
        }
    }
}
