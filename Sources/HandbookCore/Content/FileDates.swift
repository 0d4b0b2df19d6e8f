//! When each content file last changed, for the "Last changed" line of a tip.

import FoundationEssentials

/// Git's date of a file's last commit when the content is a checkout (a checkout sets every
/// file's time to its own), the file's time otherwise. Git is asked once for all files.
public struct FileDates: Sendable {
    /// Seconds since 1970 by path relative to the content folder (`tips/012-listen.md`).
    private let fromGit: [String: Int]
    private let content: UserPath
    /// The files' own times, by the path messages show (`content/tips/012-listen.md`).
    private var fileTimes: [String: Int] = [:]

    /// Runs `git log` once over the content folder; no git, or no checkout, leaves file times.
    public static func collect(content: UserPath, useGit: Bool) -> FileDates {
        FileDates(fromGit: useGit ? gitDates(in: content.path) : [:], content: content)
    }

    /// The times of the files as the loader read them, by the path messages show.
    static func fileTimes(of files: ContentFiles) -> [String: Int] {
        var times: [String: Int] = [:]
        for file in files.tips + files.chapters { times[file.path] = file.modified }
        for translation in files.translations { times.merge(fileTimes(of: translation.files)) { first, _ in first } }
        return times
    }

    /// These dates, with `fileTimes` for the files git has no date for.
    func with(fileTimes: [String: Int]) -> FileDates {
        var dates = self
        dates.fileTimes = fileTimes
        return dates
    }

    /// The date of a file named as messages show it (`content/tips/012-listen.md`).
    func seconds(ofShownFile shown: String) -> Int? {
        let prefix = content.shown.hasSuffix("/") ? content.shown : content.shown + "/"
        let relative = shown.hasPrefix(prefix) ? String(shown.dropFirst(prefix.count)) : shown
        return fromGit[relative] ?? fileTimes[shown]
    }

    /// `git log` newest first: the first time a path appears is its last change.
    private static func gitDates(in folder: String) -> [String: Int] {
        let arguments = ["git", "-C", folder, "log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", "."]
        guard let git = try? ChildProcess(executable: "/usr/bin/env", arguments: arguments, capturing: .standardOutput) else {
            return [:]
        }
        let data = git.readToEnd()
        guard git.waitForExit() == 0 else { return [:] }
        var dates: [String: Int] = [:]
        var current = 0
        // Split on the bytes, not the characters: a long history is megabytes of text.
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if line.first == 0 {
                current = Int(String(decoding: line.dropFirst(), as: UTF8.self)) ?? 0
            } else {
                let path = String(decoding: line, as: UTF8.self)
                if dates[path] == nil { dates[path] = current }
            }
        }
        return dates
    }
}
