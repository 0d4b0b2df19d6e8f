//! `handbook new tip "Title" --chapter N --themes a,b`: a new tip file with the next free number.

import ArgumentParser
import FoundationEssentials
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
        abstract: "Write a new tip file with the next free number, or a translation of a tip. Never overwrites a file.",
        discussion: """
            handbook new tip "Title" --chapter 3 --themes empathy,flywheel   a new tip
            handbook new tip --language nl --number 17                      tip 17's text in content/nl/tips/, to translate
            """)

    @Argument(help: "The tip's title, a short imperative sentence.")
    var title: String?

    @Option(help: "The chapter number the tip belongs to.")
    var chapter: Int?

    @Option(help: "Comma-separated theme slugs, e.g. empathy,flywheel.")
    var themes: String?

    @Option(help: "Start a translation into this language (a folder of the content with its handbook.yml).")
    var language: String?

    @Option(help: "With --language: the number of the tip to translate.")
    var number: Int?

    @Option(help: "The content folder.")
    var content: String = "content"

    func validate() throws {
        if language != nil {
            guard number != nil, title == nil, chapter == nil, themes == nil else {
                throw ValidationError("a translation takes --language and --number only, e.g. --language nl --number 17")
            }
        } else if title == nil || chapter == nil || themes == nil {
            throw ValidationError("a new tip needs a title, --chapter and --themes, e.g. \"Fix it first\" --chapter 3 --themes empathy")
        }
    }

    func run() throws {
        do {
            if let language, let number {
                print("Created \(try TranslationScaffolder.create(number: number, language: language, content: UserPath(content)))")
                return
            }
            let path = try TipScaffolder.create(title: title ?? "", chapter: chapter ?? 0,
                                                themes: (themes ?? "").split(separator: ",").map(String.init),
                                                content: UserPath(content))
            print("Created \(path)")
        } catch let failure as BuildFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
