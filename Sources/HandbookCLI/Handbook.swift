//! `handbook`: the command-line front of HandbookCore.

import ArgumentParser

@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a customer-experience tips handbook from Markdown into a static site.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, BookletCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
