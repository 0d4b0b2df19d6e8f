//! `handbook init [DIR]`: a new handbook with sample content that builds at once.

import ArgumentParser
import HandbookCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new handbook: handbook.yml, two chapters, five sample tips, a README. Only into an empty folder.",
        discussion: "The theme is built into the program; add themes/default/ with only the files you change.")

    @Argument(help: "The folder to write it into, made when missing.")
    var folder: String = "."

    @Option(help: "The sample's language: \(HandbookStarter.languages.joined(separator: " or ")).")
    var language: String = "en"

    func run() throws {
        do {
            let written = try HandbookStarter.create(in: UserPath(folder), language: language)
            print("Wrote \(written.count) files to \(folder). Next:")
            let enter = folder == "." ? "" : "cd \(folder) && "
            print("  \(enter)handbook serve     preview it while you edit content/")
            print("  handbook build     write the site into site/")
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
