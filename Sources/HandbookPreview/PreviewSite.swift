//! The site the preview serves: one immutable version at a time, swapped in whole.

import FoundationEssentials
import HandbookCore
import Synchronization

/// A complete version of the site in memory, with the problems the overlay shows; a rebuild makes a new one.
public struct PreviewSite: Sendable {
    /// Site path ("tips/012-listen.html") → bytes as `handbook build` writes them; kept as the build
    /// made them (a page becomes a `ByteBuffer` only when served), so a rebuild copies nothing.
    public var files: [String: [UInt8]]
    public var generation: Int
    /// Errors and warnings of the failed latest build; empty while the latest build succeeded.
    public var problems: [Diagnostic]
    /// The source lines the problems point at (`SourceExcerpts`), quoted in the overlay.
    public var excerpts: [SourceLocation: String]

    public init(files: [String: [UInt8]] = [:], generation: Int = 0, problems: [Diagnostic] = [],
                excerpts: [SourceLocation: String] = [:]) {
        self.files = files
        self.generation = generation
        self.problems = problems
        self.excerpts = excerpts
    }
}

/// Holds the current `PreviewSite`. A request reads it once and serves everything from that
/// version, so no response mixes two builds; a rebuild publishes only complete versions.
final class PreviewSiteStore: Sendable {
    private let site = Mutex(PreviewSite())

    var current: PreviewSite { site.withLock { $0 } }

    func replace(_ newSite: PreviewSite) {
        site.withLock { $0 = newSite }
    }
}
