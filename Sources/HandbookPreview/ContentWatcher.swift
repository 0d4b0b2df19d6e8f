//! Watches the content and theme folders and reports each burst of changes once.

import FoundationEssentials
import Glibc
import HandbookCore
import Synchronization

/// An editor's save (a temporary file renamed over the old one, often a backup too) arrives as one
/// batch once the folders have been quiet for the debounce interval.
public final class ContentWatcher: Sendable {
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

    /// How changes are found: "inotify" or "polling every 250 ms".
    public let mechanism: String
    private let backend: any WatchBackend
    private let pending = Mutex(Set<String>())
    /// One element per burst; bursts that come while no one waits are merged in `pending`.
    private let bursts: AsyncStream<Void>
    private let burst: AsyncStream<Void>.Continuation

    public init(folders: [Folder], debounce: Duration = .milliseconds(10), mode: Mode = .automatic) {
        (bursts, burst) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        if mode == .automatic, let inotify = InotifyBackend(folders: folders, debounce: debounce) {
            backend = inotify
            mechanism = "inotify"
        } else {
            var interval = Duration.milliseconds(250)
            if case .polling(let chosen) = mode { interval = chosen }
            backend = PollingBackend(folders: folders, interval: interval)
            mechanism = "polling every \(interval.milliseconds) ms"
        }
    }

    /// Starts watching on a background thread.
    public func start() {
        backend.start { [weak self] paths in self?.add(paths) }
    }

    public func stop() {
        backend.stop()
        burst.finish()
    }

    /// Waits for the next burst and returns every path changed since the previous call; nil once
    /// stopped or cancelled. Call it from one task only (AsyncStream allows one waiter).
    public func next() async -> Set<String>? {
        var iterator = bursts.makeAsyncIterator()
        while !Task.isCancelled, await iterator.next() != nil {
            let batch = pending.withLock { pending in
                defer { pending.removeAll() }
                return pending
            }
            if !batch.isEmpty { return batch }
        }
        return nil
    }

    private func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        pending.withLock { $0.formUnion(paths) }
        burst.yield()
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

/// Watches on a thread of its own and calls `report` with each debounced batch of changed paths.
protocol WatchBackend: Sendable {
    func start(report: @escaping @Sendable (Set<String>) -> Void)
    func stop()
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// A pipe that wakes a thread blocked in `poll`, so stopping is immediate. Once woken it stays
/// readable (nothing reads it), so the watching thread ends at its next `poll` whenever `stop()` came.
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
