//! Writes a new tip file with the next free number: the one write into content/ Handbook makes,
//! and it never replaces an existing file.

import Foundation

public enum TipScaffolder {
    /// Creates `tips/NNN-slug.md` and returns its path as messages show it.
    public static func create(title: String, chapter: Int, themes: [String], content: UserPath) throws -> String {
        let files = ContentLoader.load(root: content)
        let (handbook, diagnostics) = HandbookValidator.validate(files, options: .init(includeDrafts: true))
        guard let handbook else {
            throw BuildFailure(diagnostics.filter { $0.severity == .error }
                + [.error("fix the errors above before adding a tip", at: nil)])
        }
        let trimmedTitle = title.trimmingWhitespace()
        guard !trimmedTitle.isEmpty else { throw BuildFailure([.error("the title is empty", at: nil)]) }
        guard handbook.chapter(number: chapter) != nil else {
            let known = handbook.chapters.map { String($0.number) }.joined(separator: ", ")
            throw BuildFailure([.error("chapter \(chapter) does not exist", at: nil, hint: "chapters are \(known)")])
        }
        let slugs = handbook.themes.map(\.slug)
        let unknown = themes.filter { !slugs.contains($0) }
        guard unknown.isEmpty, !themes.isEmpty else {
            let first = unknown.first ?? ""
            throw BuildFailure([.error(themes.isEmpty ? "name at least one theme" : "unknown theme '\(first)'", at: nil,
                                       hint: Suggestion.didYouMean(first, in: slugs) ?? "themes are \(slugs.joined(separator: ", "))")])
        }
        // Drafts count: their numbers are taken too.
        let number = (handbook.tips.map(\.number).max() ?? 0) + 1
        let name = String(format: "%03d-%@.md", number, URLSlug.make(trimmedTitle))
        let text = """
        ---
        number: \(number)
        title: \(yamlQuoted(trimmedTitle))
        chapter: \(chapter)
        themes: [\(themes.joined(separator: ", "))]
        related: []
        summary: ""
        draft: true
        ---
        Write the idea here in 100 to 250 words: what to do, one concrete example, and why it works.

        **Try this:** one action a team can take this week.

        """
        return try writeNew(text, named: name, in: content.appending("tips"))
    }

    /// Writes a new file into `folder` (made if needed); never replaces one.
    static func writeNew(_ text: String, named name: String, in folder: UserPath) throws -> String {
        try? FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let file = folder.appending(name)
        // O_EXCL: fail rather than replace a file that appeared in the meantime.
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw BuildFailure([.error("cannot create '\(file)': \(String(cString: strerror(errno)))", at: nil,
                                       hint: "a file with that name may exist already; nothing was overwritten")])
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Foundation.write(fd, bytes, bytes.count) == bytes.count else {
            throw BuildFailure([.error("cannot write '\(file)'", at: nil)])
        }
        return file.shown
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
