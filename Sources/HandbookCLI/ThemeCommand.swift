//! `handbook theme copy [DIR]`: writes out the theme built into the program.

import ArgumentParser
import HandbookCore

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the theme built into the program.",
        subcommands: [ThemeCopyCommand.self])
}

struct ThemeCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Write the built-in theme into a folder, to change it. Never overwrites a file.",
        discussion: """
            A theme folder needs only the files it changes: the built-in theme gives the rest. \
            A folder with just assets/handbook.css, for example, changes the colours and keeps every template.
            """)

    @Argument(help: "Where to write it: themes/default, the folder 'handbook build' looks for beside content/.")
    var folder: String = "themes/default"

    func run() throws {
        do {
            let written = try ThemeCopier.copyBuiltIn(to: UserPath(folder))
            print("Wrote \(written.count) files to \(folder)")
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
