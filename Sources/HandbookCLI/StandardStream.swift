//! Standard output and error, written at once and whole (FoundationEssentials has no `FileHandle`).

import Glibc
import HandbookCore

enum StandardStream {
    case output, error

    func write(_ text: String) {
        let descriptor = self == .output ? STDOUT_FILENO : STDERR_FILENO
        _ = Array(text.utf8).withUnsafeBytes { writeFully(descriptor, $0) }
    }
}
