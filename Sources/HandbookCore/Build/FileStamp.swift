//! What `stat` says about a content file, to tell whether it may have changed since it was read.

import Foundation

/// Size, modification and status-change times, inode and device. A file rewritten, renamed over,
/// touched or re-linked gets a different stamp.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
    var device: UInt64

    /// Follows symlinks, as reading does; nil when the file cannot be examined.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// How long after a file's last change its stamp can be trusted. File systems keep times in
    /// coarse ticks (up to two seconds), and a freed inode number is soon given out again, so two
    /// saves of the same size within one tick can leave equal stamps: a file read that soon after
    /// it changed is read again next time (as git does with "racily clean" files).
    static let settlingNanoseconds: Int64 = 2_000_000_000

    /// Whether a later change of the file is sure to change its stamp, when it was taken at `now`.
    func isSettled(at now: Int64) -> Bool {
        now - max(modified, changed) > Self.settlingNanoseconds
    }

    /// Wall-clock time, the clock file times are kept in.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
