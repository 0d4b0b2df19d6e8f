//! `handbook new tip "Title" --chapter N --themes a,b`: a new tip file with the next free number.

import ArgumentParser
import Foundation
import HandbookCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create new content from a template.",
        subcommands: [NewTipCommand.self])
}

struct NewTipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tip",
        abstract: "Write a new tip file with the next free number. Never overwrites a file.")

    @Argument(help: "The tip's title, a short imperative sentence.")
    var title: String

    @Option(help: "The chapter number the tip belongs to.")
    var chapter: Int

    @Option(help: "Comma-separated theme slugs, e.g. empathy,flywheel.")
    var themes: String

    @Option(help: "The content folder.")
    var content: String = "content"

    func run() throws {
        do {
            let path = try TipScaffolder.create(title: title, chapter: chapter,
                                                themes: themes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                                                content: UserPath(content))
            print("Created \(path)")
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
