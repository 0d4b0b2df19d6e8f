//! The site theme's assets as the preview serves them: in memory, read again only when changed.

import Foundation
import NIOCore

/// Reads `assets/` into memory, rereading only files whose size, time or inode changed. A symlink
/// is followed only when it stays inside the theme folder, so a link cannot publish other files.
struct ThemeAssets {
    let theme: URL
    private var cache: [String: (signature: FileSignature, bytes: ByteBuffer)] = [:]

    init(theme: URL) {
        self.theme = theme.standardizedFileURL
    }

    struct Loaded {
        /// Site path ("assets/handbook.css") → bytes.
        var files: [String: ByteBuffer]
        /// Site paths added, changed or removed since the previous load.
        var changed: Set<String>
        /// Links that were skipped, for the terminal.
        var skipped: [String]
    }

    mutating func load() -> Loaded {
        let root = theme.appendingPathComponent("assets").path
        let realTheme = ThemeFiles.realPath(theme.path) ?? theme.path
        var found: [String: String] = [:]
        var skipped: [String] = []
        var visited = Set<String>()
        ThemeFiles.walk(root, relative: "", realRoot: realTheme, visited: &visited, found: &found, skipped: &skipped)
        var files: [String: ByteBuffer] = [:]
        var changed = Set<String>()
        var nextCache: [String: (signature: FileSignature, bytes: ByteBuffer)] = [:]
        for (relative, path) in found {
            let sitePath = "assets/" + relative
            guard let signature = FileSignature(path: path) else { continue }
            if let cached = cache[sitePath], cached.signature == signature {
                nextCache[sitePath] = cached
            } else if let data = ThemeFiles.contents(atPath: path) {
                var buffer = ByteBuffer()
                buffer.writeBytes(data)
                nextCache[sitePath] = (signature, buffer)
                if cache[sitePath]?.bytes != buffer { changed.insert(sitePath) }
            }
            files[sitePath] = nextCache[sitePath]?.bytes
        }
        changed.formUnion(cache.keys.filter { nextCache[$0] == nil })
        cache = nextCache
        return Loaded(files: files, changed: changed, skipped: skipped)
    }
}

/// Size, modification time and inode: enough to tell that a file was rewritten.
struct FileSignature: Equatable {
    var size: Int64, seconds: Int, nanoseconds: Int, inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

enum ThemeFiles {
    /// `FileManager.contents(atPath:)`, but an empty file gives empty data without being read:
    /// Foundation (Swift 6.3) leaks a 4 KB buffer on every read of an empty file (LeakSanitizer
    /// shows it), and the preview reads the assets again on every rebuild.
    static func contents(atPath path: String) -> Data? {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 0 { return Data() }
        return FileManager.default.contents(atPath: path)
    }

    /// Regular files under `directory`, skipping hidden names and links that lead outside `realRoot`.
    static func walk(_ directory: String, relative: String, realRoot: String, visited: inout Set<String>,
                     found: inout [String: String], skipped: inout [String]) {
        guard let real = realPath(directory), visited.insert(real).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let target = realPath(path), target == realRoot || target.hasPrefix(realRoot + "/") else {
                    skipped.append("assets/\(shown)")
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, relative: shown, realRoot: realRoot, visited: &visited, found: &found, skipped: &skipped)
            case S_IFREG: found[shown] = path
            default: break
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
