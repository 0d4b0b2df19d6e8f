//! Where rendered files go: a folder on disk, memory (tests, check), or nowhere.

import Foundation

/// Receives the site's files. Called from several threads at once.
public protocol OutputSink: Sendable {
    func write(_ text: String, to path: String) throws
    /// Writes UTF-8 bytes, as the template renderer makes them (no `String` in between).
    func write(utf8 bytes: [UInt8], to path: String) throws
}

extension OutputSink {
    public func write(utf8 bytes: [UInt8], to path: String) throws {
        try write(String(decoding: bytes, as: UTF8.self), to: path)
    }
}

/// Keeps files in memory; for `check` and for tests.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private var storage: [String: String] = [:]
    private let lock = NSLock()

    public init() {}

    public func write(_ text: String, to path: String) throws {
        lock.withLock { storage[path] = text }
    }

    public var files: [String: String] { lock.withLock { storage } }
}
