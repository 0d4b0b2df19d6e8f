//! Writes a set of new files, none if any of them exists, never replacing one (`handbook theme copy` and `init`).

import FoundationEssentials
import Glibc

enum FileWriter {
    /// Writes each `path → bytes` under `folder`, or nothing when any exists; returns the paths as messages show them.
    static func writeAllNew(_ files: [(path: String, bytes: [UInt8])], into folder: UserPath,
                            hint: String) throws -> [String] {
        let existing = files.map { folder.appending($0.path) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else {
            throw BuildFailure(existing.map {
                .error("'\($0)' exists already; nothing was written", at: nil, hint: hint)
            })
        }
        var written: [String] = []
        for file in files {
            let target = folder.appending(file.path)
            try? FileManager.default.createDirectory(at: target.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: fail rather than replace a file that appeared in the meantime.
            let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw BuildFailure([.error("cannot create '\(target)': \(SystemErrorText.of(code: errno))", at: nil, hint: hint)])
            }
            defer { close(fd) }
            guard file.bytes.withUnsafeBytes({ writeFully(fd, $0) }) else {
                throw BuildFailure([.error("cannot write '\(target)': \(SystemErrorText.of(code: errno))", at: nil)])
            }
            written.append(target.shown)
        }
        return written
    }
}
