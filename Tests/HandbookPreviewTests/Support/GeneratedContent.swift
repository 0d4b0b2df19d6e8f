//! A generated handbook of a few hundred tips whose bodies link to one another in every way the
//! Markdown allows (`tip:`, empty links, `chapter:`, `theme:`, relative `.md` files), for tests
//! of what the preview's caches must notice.

import Foundation
@testable import HandbookPreview

extension TemporaryHandbook {
    /// The real theme with generated content of `tips` tips in `tips / 10` chapters. Every file is
    /// dated an hour back, so that the caches trust the stamps of the files a test does not touch.
    convenience init(generatedTips tips: Int) throws {
        try self.init()
        try FileManager.default.removeItem(at: content)
        try GeneratedContent(tips: tips).write(to: content)
    }

    /// The generated tip file of a tip (`tips/012-….md`), by number.
    func generatedTipFile(_ number: Int) -> URL {
        content.appendingPathComponent("tips/" + GeneratedContent.tipFileName(number))
    }

    /// Sets a file's times to now without changing its bytes, as `touch` does.
    func touch(_ file: URL) throws {
        guard utimes(file.path, nil) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Rewrites the file in place (same inode), as some editors save.
    func overwrite(_ file: URL, _ text: String) throws {
        try Data(text.utf8).write(to: file)
    }
}

/// The files of a generated handbook; the same number of tips gives the same bytes.
struct GeneratedContent {
    let tips: Int
    var chapters: Int { max(3, tips / 10) }
    static let themes = ["leadership", "empathy", "flywheel", "never-normal"]

    static func tipFileName(_ number: Int) -> String { String(format: "%03d-tip-number-%d.md", number, number) }
    static func chapterFileName(_ number: Int) -> String { String(format: "%02d-chapter-%d.md", number, number) }

    func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("tips"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        var files: [(String, String)] = [("handbook.yml", config)]
        for number in 1...chapters { files.append(("chapters/" + Self.chapterFileName(number), chapter(number))) }
        for number in 1...tips { files.append(("tips/" + Self.tipFileName(number), tip(number))) }
        let anHourAgo = timeval(tv_sec: time(nil) - 3600, tv_usec: 0)
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try Data(text.utf8).write(to: file)
            guard utimes(file.path, [anHourAgo, anHourAgo]) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    var config: String {
        """
        title: Generated handbook
        language: en
        introduction: |
          A handbook made by the tests. Start with [the first chapter](chapter:1) or [](tip:1).
        themes:
          - slug: leadership
            title: Leadership
            description: Leaders' choices.
          - slug: empathy
            title: Empathy
            description: Empathy in systems.
          - slug: flywheel
            title: Flywheel
            description: The loyalty flywheel.
          - slug: never-normal
            title: Never normal
            description: Constant change.
        flywheel: [Listen, Learn, Promise, Deliver, Thank, Repeat]

        """
    }

    func chapter(_ number: Int) -> String {
        """
        ---
        number: \(number)
        title: Chapter number \(number)
        part: Part \((number - 1) / 4 + 1)
        summary: What chapter \(number) is about.
        ---
        Chapter \(number) opens with [](tip:\(tipNumber(number * 10 - 9))) and goes on to the [next chapter](chapter:\(number % chapters + 1)).

        """
    }

    /// Tips link forward and back in a pattern that makes some tips the target of many links.
    func tip(_ number: Int) -> String {
        let chapter = min(chapters, (number - 1) / 10 + 1)
        let themes = [Self.themes[number % 4], Self.themes[(number / 4) % 4]]
        let related = [tipNumber(number + 1), tipNumber(number + 7)]
        var body = """
            Tip \(number) says to keep the *customer* in sight, and points to [](tip:\(tipNumber(number / 2 + 1))).
            It builds on [tip \(tipNumber(number + 3))](tip:\(tipNumber(number + 3))).

            """
        switch number % 5 {
        case 0: body += "\nSee the [theme of empathy](theme:empathy) and [](theme:leadership).\n"
        case 1: body += "\nRead [](chapter:\(chapter)) first.\n"
        case 2: body += "\nCompare with [the file of tip \(tipNumber(number + 2))](\(Self.tipFileName(tipNumber(number + 2)))).\n"
        case 3: body += "\nRaw <b>bold</b> HTML stays out unless the handbook lets it in.\n"
        default: body += "\n## A heading\n\nA list:\n\n- one\n- two\n"
        }
        body += "\n**Try this:** act on tip \(number) this week.\n"
        return """
            ---
            number: \(number)
            title: Tip number \(number)
            chapter: \(chapter)
            themes: [\(Set(themes).sorted().joined(separator: ", "))]
            related: [\(related.map(String.init).joined(separator: ", "))]
            summary: The summary of tip \(number).\(number % 6 == 0 ? "\nflywheel_step: \((number / 6) % 6 + 1)" : "")
            ---
            \(body)
            """
    }

    /// A tip number in 1...tips, wrapping around, never equal to its argument's tip when it wraps.
    private func tipNumber(_ value: Int) -> Int { (value - 1) % tips + 1 }
}
