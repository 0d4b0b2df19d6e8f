//! Folder listings read with `readdir`: Foundation's enumerators cost a build of the real
//! handbook about a millisecond on first use, for a few dozen names.

import FoundationEssentials
import Glibc

enum FolderListing {
    /// The names in a folder with their `d_type` (`DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_UNKNOWN`
    /// where the file system does not tell), or nil when it cannot be opened.
    static func entries(of directory: String) -> [(name: String, type: Int32)]? {
        guard let folder = opendir(directory) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, Int32(entry.pointee.d_type)))
        }
        return entries
    }

    /// Whether the entry at `path`, listed with `type`, is a folder (never following a symlink);
    /// a file system that does not give types is asked. nil when it cannot be asked.
    static func isFolder(_ path: String, type: Int32) -> Bool? {
        guard type == DT_UNKNOWN else { return type == DT_DIR }
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The names in a folder (hidden ones too), as `FileManager.contentsOfDirectory` lists them;
    /// empty when it cannot be opened.
    static func names(in directory: String) -> [String] {
        entries(of: directory)?.map(\.name) ?? []
    }

    /// The path, relative to `directory`, of everything below it, as `FileManager`'s
    /// `enumerator(atPath:)` lists them: folders are listed and entered, hidden names included,
    /// symlinks listed but not entered. Sorted; nil when `directory` cannot be opened.
    static func everyPath(under directory: String) -> [String]? {
        guard let top = entries(of: directory) else { return nil }
        var paths: [String] = []
        var pending = top.map { (relative: $0.name, type: $0.type) }
        while let (relative, type) = pending.popLast() {
            paths.append(relative)
            let full = directory + "/" + relative
            if isFolder(full, type: type) == true, let inner = entries(of: full) {
                pending += inner.map { (relative + "/" + $0.name, $0.type) }
            }
        }
        return paths.sorted()
    }
}
