//! One inotify watch per folder (new ones added as they appear), read on a thread that `poll`s.

import FoundationEssentials
import Glibc
import HandbookCore
import Dispatch
import Synchronization

final class InotifyBackend: WatchBackend {
    private let fd: Int32
    private let folders: [ContentWatcher.Folder]
    private let debounce: Duration
    private let wakePipe = WakePipe()
    /// Watch descriptor → folder; the watching thread adds to it as folders appear.
    private let watches = Mutex<[Int32: (path: String, inContent: Bool)]>([:])

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify cannot be used (then the watcher polls).
    init?(folders: [ContentWatcher.Folder], debounce: Duration) {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        self.folders = folders
        self.debounce = debounce
        for folder in folders {
            guard addWatches(under: folder.url.path, inContent: folder.isContent) else {
                close(fd)
                return nil
            }
        }
    }

    func start(report: @escaping @Sendable (Set<String>) -> Void) {
        // Not kept in a property: a backend holding the queue that holds it would never be freed after `stop()`.
        DispatchQueue(label: "handbook-inotify").async { [self] in run(report: report) }
    }

    func stop() {
        wakePipe.wake()
    }

    // MARK: - The loop

    private func run(report: @Sendable (Set<String>) -> Void) {
        var pending = Set<String>()
        var quietUntil: UInt64 = 0
        let quiet = UInt64(debounce.milliseconds) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let now = DispatchTime.now().uptimeNanoseconds
                timeout = quietUntil > now ? Int32((quietUntil - now + 999_999) / 1_000_000) : 0
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { break }
            if fds[1].revents != 0 { break }
            if fds[0].revents != 0 {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    let changed = parse(buffer, count: count)
                    if !changed.isEmpty {
                        pending.formUnion(changed)
                        quietUntil = DispatchTime.now().uptimeNanoseconds + quiet
                    }
                }
            }
            if !pending.isEmpty && DispatchTime.now().uptimeNanoseconds >= quietUntil {
                report(pending)
                pending.removeAll()
            }
        }
        close(fd)
    }

    /// The relevant paths named by the events in `buffer`; adds watches for new folders.
    private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
        var changed = Set<String>()
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset + 16 <= count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: say that everything may have changed.
                    changed.formUnion(folders.map(\.url.path))
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    watches.withLock { $0[wd] = nil }
                    continue
                }
                guard let folder = watches.withLock({ $0[wd] }) else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let isDirectory = mask & UInt32(IN_ISDIR) != 0
                if name.isEmpty {
                    // The watched folder itself was deleted or moved.
                    if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { changed.insert(folder.path) }
                    continue
                }
                let path = folder.path + "/" + name
                guard ContentWatcher.isRelevant(name: name, isDirectory: isDirectory, inContent: folder.inContent) else {
                    continue
                }
                if mask & UInt32(IN_CREATE) != 0 && !isDirectory && Self.isEmptyRegularFile(path) {
                    // Reported when closed after writing, not empty as it appears. A file that appears
                    // whole (linked into place, as `new tip` does) or is not a regular file is never closed after writing.
                    continue
                }
                if isDirectory && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = addWatches(under: path, inContent: folder.inContent)
                }
                changed.insert(path)
            }
        }
        return changed
    }

    // MARK: - Watches

    /// Watches `path` and every folder below it (following links, once per real folder).
    @discardableResult
    private func addWatches(under path: String, inContent: Bool) -> Bool {
        var visited = Set<String>()
        return addWatches(under: path, inContent: inContent, visited: &visited)
    }

    private func addWatches(under path: String, inContent: Bool, visited: inout Set<String>) -> Bool {
        guard let real = ContentLoader.realPath(path), visited.insert(real).inserted else { return true }
        let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        watches.withLock { $0[wd] = (path, inContent) }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            let child = path + "/" + name
            var isDirectory = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory {
                guard addWatches(under: child, inContent: inContent, visited: &visited) else { return false }
            }
        }
        return true
    }

    /// A regular file with nothing in it yet, or one that has gone again; not a link, FIFO, device or socket.
    private static func isEmptyRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 || (info.st_mode & S_IFMT == S_IFREG && info.st_size == 0)
    }
}
