//! Where rendered files go: a folder on disk, memory (tests, check), or nowhere.

import Foundation

/// Receives the site's files. Called from several threads at once.
public protocol OutputSink: Sendable {
    func write(_ text: String, to path: String) throws
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
