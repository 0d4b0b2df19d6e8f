//! Writing a whole buffer to a file, which write(2) may take in parts.

import Glibc

/// Writes all of `bytes` to `fd`, going on after a partial write or a signal; false on an error, which `errno` names.
public func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let count = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += count
    }
    return true
}
