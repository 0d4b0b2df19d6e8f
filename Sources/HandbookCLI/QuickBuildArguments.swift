//! The plain `handbook build` arguments, read without ArgumentParser.

import HandbookCore

/// The arguments of a plain build: `--content`, `--theme` and `--output` with a value (as
/// `--name value` or `--name=value`), `--drafts` and `--timings`, each at most once.
///
/// ArgumentParser finds its way through a command by reflection, and the Swift runtime answers
/// its first questions about each type by scanning every protocol conformance in the program:
/// about 3 ms of a 30 ms build of the real handbook, all before the build starts. A build's
/// arguments are nearly always this simple, so they are read here; anything else (help, an
/// unknown or repeated option, a value that looks like an option, `--`) returns nil and goes to
/// ArgumentParser, which parses it the same way or explains what is wrong.
struct QuickBuildArguments: Equatable {
    var content = "content"
    var theme: String?
    var output = "site"
    var drafts = false
    var timings = false

    init?(_ arguments: [String]) {
        var seen = Set<String>()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "drafts", "timings":
                guard value == nil else { return nil }
                if name == "drafts" { drafts = true } else { timings = true }
            case "content", "theme", "output":
                if value == nil {
                    guard index < arguments.count else { return nil }
                    value = arguments[index]
                    index += 1
                }
                // ArgumentParser reads a value that starts with '-' as the next option.
                guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
                switch name {
                case "content": content = value
                case "theme": theme = value
                default: output = value
                }
            default:
                return nil
            }
        }
    }

    var buildOptions: BuildOptions {
        BuildOptions(content: content, theme: theme, output: output, includeDrafts: drafts)
    }
}
