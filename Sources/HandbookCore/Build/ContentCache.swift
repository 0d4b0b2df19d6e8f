//! What the preview keeps between builds so that a rebuild costs what the change costs: each
//! content file as read and decoded, and each Markdown body as rendered. `handbook build` has none.

import Foundation

/// Per-file reuse between builds of one handbook. Files are reused while their stamp is unchanged
/// (see `ContentCache+Files`), decoded models while their text is, and rendered bodies while their
/// text and everything their links show are (see `ContentCache+Bodies`). Checks between files are
/// never cached: the validator runs them over the whole handbook every time.
///
/// Used from the loops that read, decode and render on all cores, so every access takes the lock.
public final class ContentCache: @unchecked Sendable {
    let lock = NSLock()
    /// Counts builds; each entry remembers the last build that used it, and entries a build did
    /// not use (deleted or renamed files) are dropped when it ends.
    private(set) var generation = 0
    var files: [String: CachedFile] = [:]
    var bodies: [String: CachedBody] = [:]
    /// Whether this build got as far as reading files and as rendering bodies: a build that
    /// stopped earlier says nothing about which entries are still wanted.
    var readThisBuild = false
    var renderedThisBuild = false
    /// Entries used by this build, so that pruning is skipped when all were (the usual case).
    var filesUsed = 0
    var bodiesUsed = 0
    var counts = Counts()
    /// What this build's validation learnt, when it found no error (see `ValidationState`).
    var validation: ValidationState?
    /// The last good build, which the next may start from when the watcher names what changed.
    var base: Base?
    /// A body renderer that this build showed to be current, for the next base.
    var renderer: MarkdownRenderer?

    /// What the latest build did itself rather than take from the cache.
    public struct Counts: Sendable, Equatable {
        public var filesRead = 0
        public var filesDecoded = 0
        public var bodiesRendered = 0

        public init(filesRead: Int = 0, filesDecoded: Int = 0, bodiesRendered: Int = 0) {
            self.filesRead = filesRead
            self.filesDecoded = filesDecoded
            self.bodiesRendered = bodiesRendered
        }
    }

    public init() {}

    /// Call before each build.
    public func beginBuild() {
        lock.withLock {
            generation += 1
            readThisBuild = false
            renderedThisBuild = false
            filesUsed = 0
            bodiesUsed = 0
            counts = Counts()
            validation = nil
            renderer = nil
        }
    }

    /// Call after each build, good or failed: forgets the files and bodies it no longer has.
    /// Returns what the build did itself.
    @discardableResult
    public func endBuild() -> Counts {
        lock.withLock {
            if readThisBuild, filesUsed < files.count { files = files.filter { $0.value.used == generation } }
            if renderedThisBuild, bodiesUsed < bodies.count { bodies = bodies.filter { $0.value.used == generation } }
            return counts
        }
    }
}
