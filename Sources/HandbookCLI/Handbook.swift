//! `handbook`: the command-line front of HandbookCore.

import ArgumentParser

@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a customer-experience tips handbook from Markdown into a static site.",
        version: "0.9.0",  // raised with each release
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, BookletCommand.self,
                      InitCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
