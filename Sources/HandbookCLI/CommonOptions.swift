//! Options shared by the commands that read a handbook.

import ArgumentParser
import HandbookCore

struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder (handbook.yml, chapters/, tips/).")
    var content: String = "content"

    @Option(help: "The site theme folder (templates/, strings/, assets/).")
    var theme: String = "themes/default"

    @Flag(help: "Include tips marked 'draft: true'.")
    var drafts = false

    func buildOptions(output: String = "site") -> BuildOptions {
        BuildOptions(content: content, theme: theme, output: output, includeDrafts: drafts)
    }
}
