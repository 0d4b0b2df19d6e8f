//! Standard output and error, written at once and whole (FoundationEssentials has no `FileHandle`).

import Glibc

enum StandardStream {
    case output, error

    func write(_ text: String) {
        let descriptor = self == .output ? STDOUT_FILENO : STDERR_FILENO
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            // Unsafe: write(2) takes the bytes by address.
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            offset += count
        }
    }
}
