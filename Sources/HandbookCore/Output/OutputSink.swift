//! Where rendered files go: a folder on disk, or memory (the preview, `check`, tests).

import FoundationEssentials
import Synchronization

/// Receives the site's files. Called from several threads at once.
public protocol OutputSink: Sendable {
    func write(_ text: String, to path: String) throws
    /// Writes UTF-8 bytes, as the template renderer makes them (no `String` in between).
    func write(utf8 bytes: [UInt8], to path: String) throws
    /// Makes the folders these files need before they are written in parallel (a folder on disk).
    func prepareFolders(for paths: [String]) throws
}

extension OutputSink {
    public func prepareFolders(for paths: [String]) throws {}

    public func write(utf8 bytes: [UInt8], to path: String) throws {
        try write(String(decoding: bytes, as: UTF8.self), to: path)
    }
}

/// Keeps files in memory: for `check`, the preview and tests.
public final class MemorySink: OutputSink {
    private let storage = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ text: String, to path: String) throws {
        try write(utf8: Array(text.utf8), to: path)
    }

    public func write(utf8 bytes: [UInt8], to path: String) throws {
        storage.withLock { $0[path] = bytes }
    }

    /// Site path → UTF-8 bytes, as `handbook build` would write them.
    public var bytes: [String: [UInt8]] { storage.withLock { $0 } }

    public var files: [String: String] { bytes.mapValues { String(decoding: $0, as: UTF8.self) } }
}

/// Writes into a folder of another sink: a translation's site (`nl/…`) inside the whole site.
public struct FolderSink: OutputSink {
    let base: OutputSink
    let folder: String

    public init(_ base: OutputSink, folder: String) {
        self.base = base
        self.folder = folder
    }

    public func write(_ text: String, to path: String) throws { try base.write(text, to: folder + path) }
    public func write(utf8 bytes: [UInt8], to path: String) throws { try base.write(utf8: bytes, to: folder + path) }
    public func prepareFolders(for paths: [String]) throws { try base.prepareFolders(for: paths.map { folder + $0 }) }
}
