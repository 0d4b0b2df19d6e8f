//! What the watchers need to know of a file: whether it was rewritten.

import FoundationEssentials
import Glibc

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
