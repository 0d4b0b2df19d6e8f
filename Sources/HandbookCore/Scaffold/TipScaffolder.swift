//! Writes a new tip file with the next free number: the one write into content/ Handbook makes,
//! and it never replaces an existing file.

import FoundationEssentials
import Glibc

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
        let themes = themes.map { $0.trimmingWhitespace() }
        let slugs = handbook.themes.map(\.slug)
        let unknown = themes.filter { !slugs.contains($0) }
        guard unknown.isEmpty, !themes.isEmpty else {
            let first = unknown.first ?? ""
            throw BuildFailure([.error(themes.isEmpty ? "name at least one theme" : "unknown theme '\(first)'", at: nil,
                                       hint: Suggestion.didYouMean(first, in: slugs) ?? "themes are \(slugs.joined(separator: ", "))")])
        }
        // Drafts count: their numbers are taken too.
        let slug = fileNameSlug(trimmedTitle)
        return try writeWithNextNumber(after: handbook.tips.map(\.number).max() ?? 0, in: content.appending("tips")) { number in
            (threeDigits(number) + "-\(slug).md", text(number: number, title: trimmedTitle, chapter: chapter, themes: themes))
        }
    }

    private static func text(number: Int, title trimmedTitle: String, chapter: Int, themes: [String]) -> String {
        """
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

        **How you'll know:** one signal that shows it worked, and when to look.

        """
    }

    /// The title's slug, cut to a length every file system takes in a name (a title may be long).
    static func fileNameSlug(_ title: String) -> String {
        var slug = ""
        for character in URLSlug.make(title) {
            if slug.utf8.count + character.utf8.count > 80 { break }
            slug.append(character)
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "tip" : slug
    }

    /// Writes the file `make(number)` names, with the first number above `highest` no tip file takes;
    /// the folder is locked meanwhile, so that `new tip` run many times at once gives each its own number.
    static func writeWithNextNumber(after highest: Int, in folder: UserPath,
                                    _ make: (Int) -> (name: String, text: String)) throws -> String {
        try? FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let lock = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        let taken = FolderListing.names(in: folder.path).compactMap { Int($0.prefix { $0.isASCII && $0.isNumber }) }
        var number = max(highest, taken.max() ?? 0) + 1
        var info = stat()
        while lstat(folder.appending(make(number).name).path, &info) == 0 { number += 1 }
        let (name, text) = make(number)
        return try writeNew(text, named: name, in: folder)
    }

    /// Writes a new file into `folder` (made if needed), never replacing one: written hidden, then
    /// linked into place whole, so a build reading the folder meanwhile never sees half of it.
    static func writeNew(_ text: String, named name: String, in folder: UserPath) throws -> String {
        try? FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let file = folder.appending(name)
        let partial = folder.appending(".new-tip-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        defer { unlink(partial.path) }
        let fd = open(partial.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw creationFailure(file) }
        let written = Array(text.utf8).withUnsafeBytes { writeFully(fd, $0) }
        close(fd)
        guard written else { throw creationFailure(file) }
        // link(2) fails rather than replace a file that appeared in the meantime.
        guard link(partial.path, file.path) == 0 else { throw creationFailure(file) }
        return file.shown
    }

    private static func creationFailure(_ file: UserPath) -> BuildFailure {
        let code = errno
        return BuildFailure([.error("cannot create '\(file)': \(SystemErrorText.of(code: code))", at: nil,
                                    hint: code == EEXIST ? "a file with that name exists already; nothing was overwritten" : nil)])
    }

    /// A tip number as its file name starts: 7 is "007".
    static func threeDigits(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingScalars("\\", with: "\\\\").replacingScalars("\"", with: "\\\"") + "\""
    }
}
