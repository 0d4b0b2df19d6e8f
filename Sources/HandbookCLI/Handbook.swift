//! `handbook`: the command-line front of HandbookCore.

import ArgumentParser

@main
struct HandbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a customer-experience tips handbook from Markdown into a static site.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
