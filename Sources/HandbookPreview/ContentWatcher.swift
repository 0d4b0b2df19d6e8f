//! Watches the content and theme folders and reports each burst of changes once.
//!
//! Editors save by writing a temporary file and renaming it over the old one, often touching a
//! backup file too; all of that arrives as one batch after the folders have been quiet for the
//! debounce interval. Linux uses inotify; elsewhere, or when inotify is not available, the
//! watcher compares file sizes and times at an interval.

import FoundationEssentials
import Glibc
import HandbookCore
import NIOConcurrencyHelpers

/// `@unchecked`: the pending paths are guarded by `lock`; the backend and mechanism are set in
/// `start()`, before any change is reported, and `next()` is called by one task only.
public final class ContentWatcher: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        /// inotify where it works, polling otherwise.
        case automatic
        case polling(interval: Duration)
    }

    /// A folder to watch; in a content folder only Markdown files, `handbook.yml` and `assessment.yml` count.
    public struct Folder: Sendable {
        public var url: URL
        public var isContent: Bool

        public init(_ url: URL, isContent: Bool) {
            self.url = url.standardizedFileURL
            self.isContent = isContent
        }
    }

    public let folders: [Folder]
    public let debounce: Duration
    private let mode: Mode
    /// How changes are found ("inotify", "polling every 250 ms"), once started.
    public private(set) var mechanism = "none"

    private let lock = NIOLock()
    private var pending = Set<String>()
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    private var iterator: AsyncStream<Void>.Iterator
    private var backend: WatchBackend?

    public init(folders: [Folder], debounce: Duration = .milliseconds(10), mode: Mode = .automatic) {
        self.folders = folders
        self.debounce = debounce
        self.mode = mode
        (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        iterator = signals.makeAsyncIterator()
    }

    /// Starts watching on a background thread.
    public func start() {
        let report: @Sendable (Set<String>) -> Void = { [weak self] paths in self?.add(paths) }
        if mode == .automatic, let inotify = InotifyBackend(folders: folders, debounce: debounce, report: report) {
            backend = inotify
            mechanism = "inotify"
        } else {
            var interval = Duration.milliseconds(250)
            if case .polling(let chosen) = mode { interval = chosen }
            backend = PollingBackend(folders: folders, interval: interval, report: report)
            mechanism = "polling every \(interval.milliseconds) ms"
        }
        backend?.start()
    }

    public func stop() {
        backend?.stop()
        signal.finish()
    }

    /// Waits for the next burst and returns every path changed since the previous call; nil once
    /// stopped or cancelled. Call it from one task only.
    public func next() async -> Set<String>? {
        while !Task.isCancelled, await iterator.next() != nil {
            let batch = lock.withLock {
                defer { pending.removeAll() }
                return pending
            }
            if !batch.isEmpty { return batch }
        }
        return nil
    }

    private func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        lock.withLock { pending.formUnion(paths) }
        signal.yield()
    }

    // MARK: - Which files count

    /// Editor droppings (backups, swap files, temporary files) and hidden files never count.
    static func isRelevant(name: String, isDirectory: Bool, inContent: Bool) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return false }
        let lower = name.lowercased()
        for suffix in [".swp", ".swx", ".swo", ".tmp", ".bak", ".part", ".crdownload"] where lower.hasSuffix(suffix) {
            return false
        }
        if isDirectory || !inContent { return true }
        return ContentLoader.isMarkdownName(name) || name == ContentLoader.configFileName || name == ContentLoader.assessmentFileName
    }
}

/// A thread that watches and calls `report` with each debounced batch of changed paths.
protocol WatchBackend: AnyObject, Sendable {
    func start()
    func stop()
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// A pipe that wakes a thread blocked in `poll`, so stopping is immediate.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
