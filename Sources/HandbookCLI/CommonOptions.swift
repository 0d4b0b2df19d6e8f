//! Options shared by the commands that read a handbook.

import ArgumentParser
import HandbookCore

struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder (handbook.yml, chapters/, tips/).")
    var content: String = "content"

    @Option(help: ArgumentHelp("A theme folder laid over the built-in theme, file by file (templates/, strings/, assets/, booklet/).",
                               discussion: "Without it, themes/default beside the content folder is used when it exists."))
    var theme: String?

    @Flag(help: "Include tips marked 'draft: true'.")
    var drafts = false

    func buildOptions(output: String = "site") -> BuildOptions {
        BuildOptions(content: content, theme: theme, output: output, includeDrafts: drafts)
    }
}
