//! The table from content file paths to tips and chapters, made when a link first needs it.

import Synchronization

/// Content file path (as shown in messages, normalised) → what it is. Made on the first lookup:
/// handbooks that link with `tip:N` and `chapter:N` only (the real one, and generated ones)
/// never need it, and making it for 10,000 tips held up the start of rendering on one core.
final class LinkTargetTable: Sendable {
    private let handbook: Handbook
    private let table = Mutex<[String: LinkTarget]?>(nil)

    init(handbook: Handbook) {
        self.handbook = handbook
    }

    subscript(path: String) -> LinkTarget? {
        table.withLock { table in
            if table == nil { table = Self.make(for: handbook) }
            return table?[path]
        }
    }

    /// Whether the table has been made (for tests).
    var isMade: Bool { table.withLock { $0 != nil } }

    private static func make(for handbook: Handbook) -> [String: LinkTarget] {
        var paths: [String: LinkTarget] = [:]
        paths.reserveCapacity(handbook.tips.count + handbook.chapters.count)
        for tip in handbook.tips { paths[LinkResolver.normalise(tip.source.file)] = .tip(tip.number) }
        for chapter in handbook.chapters { paths[LinkResolver.normalise(chapter.source.file)] = .chapter(chapter.number) }
        return paths
    }
}
