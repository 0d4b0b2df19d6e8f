//! The site the preview serves: one immutable version at a time, swapped in whole.

import Foundation
import HandbookCore
import NIOCore

/// A complete version of the site in memory, with the problems of the latest build (shown in the
/// overlay while that build failed). Never changed after it is made; a rebuild makes a new one.
public struct PreviewSite: Sendable {
    /// Site path ("tips/012-listen.html") → bytes, exactly as `handbook build` would write them.
    public var files: [String: ByteBuffer]
    /// Files made only when first asked for (booklet, search index), so they never delay a reload.
    var generated: [GeneratedFiles]
    public var generation: Int
    /// Errors and warnings of the failed latest build; empty while the latest build succeeded.
    public var problems: [Diagnostic]

    public init(files: [String: ByteBuffer] = [:], generation: Int = 0, problems: [Diagnostic] = []) {
        self.init(files: files, generated: [], generation: generation, problems: problems)
    }

    init(files: [String: ByteBuffer], generated: [GeneratedFiles], generation: Int, problems: [Diagnostic]) {
        self.files = files
        self.generated = generated
        self.generation = generation
        self.problems = problems
    }

    /// The file at a site path: built, or generated now (once per version).
    func file(_ path: String) throws -> ByteBuffer? {
        if let bytes = files[path] { return bytes }
        for group in generated {
            if let bytes = try group.file(path) { return bytes }
        }
        return nil
    }
}

/// Files of one site version that are made together on the first request for any of them, then
/// kept. `covers` tells, without making them, which paths they might be.
final class GeneratedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Result<[String: ByteBuffer], Error>?
    private let covers: @Sendable (String) -> Bool
    private let make: @Sendable () throws -> [String: ByteBuffer]

    init(covers: @escaping @Sendable (String) -> Bool, make: @escaping @Sendable () throws -> [String: ByteBuffer]) {
        self.covers = covers
        self.make = make
    }

    func file(_ path: String) throws -> ByteBuffer? {
        guard covers(path) else { return nil }
        return try all()[path]
    }

    func all() throws -> [String: ByteBuffer] {
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
