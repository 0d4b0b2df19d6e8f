//! `handbook`: the command-line front of HandbookCore.

import ArgumentParser

@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a customer-experience tips handbook from Markdown into a static site.",
        version: Version.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, BookletCommand.self,
                      InitCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// A build (`handbook build …`, or options alone, since build is the default) is parsed with
    /// `BuildCommand` as the root, so that ArgumentParser sets up one command instead of the whole
    /// tree: about 2 ms of a build of the real handbook. Whatever does not parse that way (help,
    /// mistakes, the other commands) goes through the whole tree, with its usual messages.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let buildArguments: [String]? = switch arguments.first {
        case "build": Array(arguments.dropFirst())
        case let first? where !first.hasPrefix("-"): nil
        default: arguments
        }
        if let buildArguments, let quick = QuickBuildArguments(buildArguments) {
            do {
                try BuildCommand.build(quick.buildOptions, timings: quick.timings)
            } catch {
                BuildCommand.exit(withError: error)
            }
            return
        }
        if let buildArguments, let build = (try? BuildCommand.parseAsRoot(buildArguments)) as? BuildCommand {
            do {
                try build.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        await main(nil)
    }
}
