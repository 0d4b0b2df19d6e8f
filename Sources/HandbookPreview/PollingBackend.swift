//! The fallback watcher: compares the size, time and inode of every relevant file at an interval.

import FoundationEssentials
import Dispatch
import Glibc
import HandbookCore

/// A batch is reported once a scan finds nothing new, so a burst of saves still gives one rebuild.
final class PollingBackend: WatchBackend {
    private let folders: [ContentWatcher.Folder]
    private let interval: Duration
    private let wakePipe = WakePipe()

    init(folders: [ContentWatcher.Folder], interval: Duration) {
        self.folders = folders
        self.interval = interval
    }

    /// Scans once before it returns, so that a save right after `start()` counts as a change.
    func start(report: @escaping @Sendable (Set<String>) -> Void) {
        let known = scan()
        DispatchQueue(label: "handbook-poll").async { [self] in run(from: known, report: report) }
    }

    func stop() {
        wakePipe.wake()
    }

    private func run(from first: [String: FileSignature], report: @Sendable (Set<String>) -> Void) {
        var known = first
        var pending = Set<String>()
        while true {
            var fds = [pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, Int32(interval.milliseconds)) > 0 { break }
            let now = scan()
            let changed = Set(now.keys).union(known.keys).filter { now[$0] != known[$0] }
            known = now
            if changed.isEmpty {
                if !pending.isEmpty { report(pending) }
                pending.removeAll()
            } else {
                pending.formUnion(changed)
            }
        }
    }

    /// Every relevant file and folder under the watched folders, with its signature.
    private func scan() -> [String: FileSignature] {
        var found: [String: FileSignature] = [:]
        for folder in folders {
            var visited = Set<String>()
            walk(folder.url.path, inContent: folder.isContent, visited: &visited, into: &found)
        }
        return found
    }

    private func walk(_ directory: String, inContent: Bool, visited: inout Set<String>, into found: inout [String: FileSignature]) {
        guard let real = ContentLoader.realPath(directory), visited.insert(real).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            let path = directory + "/" + name
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  ContentWatcher.isRelevant(name: name, isDirectory: isDirectory, inContent: inContent) else { continue }
            if isDirectory {
                walk(path, inContent: inContent, visited: &visited, into: &found)
            } else if let signature = FileSignature(path: path) {
                found[path] = signature
            }
        }
    }
}
