//! Small handbooks written into a temporary folder, file by file, for tests.

import Foundation
@testable import HandbookCore

struct ContentFixture {
    static let config = """
    title: Test Handbook
    subtitle: For tests
    themes:
      - slug: leadership
        title: Leadership
        description: Leaders' choices.
      - slug: empathy
        title: Empathy
        description: Empathy in systems.
      - slug: flywheel
        title: Flywheel
        description: The six steps.
      - slug: never-normal
        title: Never normal
        description: Constant change.
    flywheel: [Ease, Expectations, Problems, Segment of one, Emotion, Community]

    """

    static func chapter(_ number: Int, title: String = "Chapter", part: String? = nil, body: String = "The chapter's introduction.") -> String {
        var text = "---\nnumber: \(number)\ntitle: \(title)\n"
        if let part { text += "part: \(part)\n" }
        return text + "---\n\(body)\n"
    }

    static func tip(_ number: Int, title: String? = nil, chapter: Int = 1, themes: String = "[leadership, empathy, flywheel, never-normal]",
                    related: String = "[]", extra: String = "", body: String = "Some advice.\n\n**Try this:** one thing.\n\n**How you'll know:** a sign, within a week.") -> String {
        "---\nnumber: \(number)\ntitle: \(title ?? "Tip \(number)")\nchapter: \(chapter)\nthemes: \(themes)\nrelated: \(related)\nsummary: Summary \(number).\n\(extra)---\n\(body)\n"
    }

    /// A valid two-chapter, three-tip handbook; `files` overrides or adds files.
    static func standard(_ files: [String: String] = [:]) -> [String: String] {
        var all: [String: String] = [
            "handbook.yml": config,
            "chapters/01-first.md": chapter(1, title: "First", part: "Part one"),
            "chapters/02-second.md": chapter(2, title: "Second", part: "Part one"),
            "tips/001-one.md": tip(1, title: "One", related: "[2]"),
            "tips/002-two.md": tip(2, title: "Two", related: "[1, 3]", body: "See [](tip:3).\n\n**Try this:** two.\n\n**How you'll know:** two signs."),
            "tips/003-three.md": tip(3, title: "Three", chapter: 2, related: "[1]"),
        ]
        for (path, text) in files { all[path] = text }
        return all
    }

    let directory = TemporaryDirectory()

    init(_ files: [String: String]) {
        for (path, text) in files { directory.write(text, to: "content/" + path) }
    }

    var content: URL { directory.file("content") }

    var options: BuildOptions {
        var options = BuildOptions(content: directory.file("content").path,
                                   theme: packageRoot.appendingPathComponent("themes/default").path,
                                   output: directory.file("site").path)
        options.content = UserPath(path: options.content.path, shown: "content")
        options.theme = UserPath(path: options.theme.path, shown: "themes/default")
        return options
    }

    /// Loads and validates, returning the handbook (when valid) and every diagnostic.
    func validate(drafts: Bool = false) -> (Handbook?, [Diagnostic]) {
        let files = ContentLoader.load(root: UserPath(url: content, shown: "content"))
        return HandbookValidator.validate(files, options: .init(includeDrafts: drafts))
    }

    /// Every diagnostic of a full prepare (load, validate, theme, Markdown), as printed.
    func problems() -> [String] {
        do {
            return try SiteBuilder.prepare(options).diagnostics.map(\.description)
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    /// Renders every page into memory.
    func pages() throws -> [String: String] {
        let prepared = try SiteBuilder.prepare(options)
        let sink = MemorySink()
        try SiteBuilder.write(prepared, into: sink)
        return sink.files
    }
}
