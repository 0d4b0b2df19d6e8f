//! The site the preview serves: one immutable version at a time, swapped in whole.

import Foundation
import HandbookCore
import NIOCore

/// A complete version of the site in memory, with the problems of the latest build (shown in the
/// overlay while that build failed). Never changed after it is made; a rebuild makes a new one.
public struct PreviewSite: Sendable {
    /// Site path ("tips/012-listen.html") → bytes, exactly as `handbook build` would write them.
    public var files: [String: ByteBuffer]
    /// Files made only when first asked for (the booklet), so they never delay a reload.
    var generated: [String: GeneratedFile]
    public var generation: Int
    /// Errors and warnings of the failed latest build; empty while the latest build succeeded.
    public var problems: [Diagnostic]

    public init(files: [String: ByteBuffer] = [:], generation: Int = 0, problems: [Diagnostic] = []) {
        self.init(files: files, generated: [:], generation: generation, problems: problems)
    }

    init(files: [String: ByteBuffer], generated: [String: GeneratedFile], generation: Int, problems: [Diagnostic]) {
        self.files = files
        self.generated = generated
        self.generation = generation
        self.problems = problems
    }

    /// The file at a site path: built, or generated now (once per version).
    func file(_ path: String) throws -> ByteBuffer? {
        if let bytes = files[path] { return bytes }
        return try generated[path]?.bytes()
    }
}

/// A file of one site version that is made on first request and then kept.
final class GeneratedFile: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Result<ByteBuffer?, Error>?
    private let make: @Sendable () throws -> ByteBuffer?

    init(_ make: @escaping @Sendable () throws -> ByteBuffer?) {
        self.make = make
    }

    /// Nil when there is no such file after all (a theme without a booklet).
    func bytes() throws -> ByteBuffer? {
        try lock.withLock {
            if made == nil { made = Result { try make() } }
            return try made!.get()
        }
    }
}

/// Holds the current `PreviewSite`. A request reads it once and serves everything from that
/// version, so no response mixes two builds; a rebuild publishes only complete versions.
final class PreviewSiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var site: PreviewSite

    init(_ site: PreviewSite = PreviewSite()) {
        self.site = site
    }

    var current: PreviewSite { lock.withLock { site } }

    func replace(_ newSite: PreviewSite) {
        lock.withLock { site = newSite }
    }
}
