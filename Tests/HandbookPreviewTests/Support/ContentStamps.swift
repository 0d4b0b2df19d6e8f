//! What the watcher would report: the paths of the content files that changed between two looks.

import Foundation

/// The size, times and inode of every file under a folder, by absolute path.
struct ContentStamps: Equatable {
    private var stamps: [String: [Int64]] = [:]

    init(of folder: URL) {
        let root = folder.standardizedFileURL.path
        for relative in FileManager.default.enumerator(atPath: root)?.compactMap({ $0 as? String }) ?? [] {
            var info = stat()
            let path = root + "/" + relative
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            stamps[path] = [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                            Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), Int64(info.st_ino)]
        }
    }

    /// Files added, removed or changed since `earlier`.
    func changed(since earlier: ContentStamps) -> Set<String> {
        Set(stamps.keys).union(earlier.stamps.keys).filter { stamps[$0] != earlier.stamps[$0] }
    }
}
