//! Content files as read and decoded by an earlier build, reused while the file is unchanged.

import Foundation

extension ContentCache {
    typealias DecodedTip = (Tip?, ContentDecoder.TipLocations?, [Diagnostic])
    typealias DecodedChapter = ((Chapter, SourceLocation)?, [Diagnostic])
    typealias DecodedConfig = (HandbookConfig?, [Diagnostic])

    /// One content file, by the path shown in messages (which is also `SourceFile.path`).
    struct CachedFile {
        var stamp: FileStamp
        /// The stamp was taken long enough after the file's last change to be trusted.
        var settled: Bool
        var file: SourceFile
        /// What the decoder made of `file`: decoding depends on the file alone, so it holds, with
        /// its errors, for as long as the text does.
        var decoded: Decoded?
        var used: Int
    }

    enum Decoded {
        case tip(DecodedTip)
        case chapter(DecodedChapter)
        case config(DecodedConfig)
    }

    /// The file as `reading` would return it, without reading it when its stamp is unchanged and
    /// settled. A file read again with the same bytes is returned as the cached value, so the
    /// decoded model and the rendered body that hang on it are kept too.
    func read(path: String, display: String,
              reading: (String, String) -> Result<SourceFile, Diagnostic>) -> Result<SourceFile, Diagnostic> {
        let now = FileStamp.now()
        guard let stamp = FileStamp(path: path) else { return reading(path, display) }
        let cached: CachedFile? = lock.withLock {
            readThisBuild = true
            guard let entry = files[display] else { return nil }
            if entry.used != generation {
                files[display]!.used = generation
                filesUsed += 1
            }
            return entry
        }
        if let cached, cached.settled, cached.stamp == stamp { return .success(cached.file) }
        let result = reading(path, display)
        guard case .success(let file) = result else {
            lock.withLock { if files.removeValue(forKey: display)?.used == generation { filesUsed -= 1 } }
            return result
        }
        var entry = CachedFile(stamp: stamp, settled: stamp.isSettled(at: now), file: file, decoded: nil, used: 0)
        if let cached, Self.sameBytes(cached.file.text, file.text) {
            entry.file = cached.file
            entry.decoded = cached.decoded
        }
        return lock.withLock {
            counts.filesRead += 1
            if files[display]?.used != generation { filesUsed += 1 }
            entry.used = generation
            files[display] = entry
            return .success(entry.file)
        }
    }

    func tip(from file: SourceFile) -> DecodedTip {
        if case .tip(let decoded)? = decoded(file) { return decoded }
        let decoded = ContentDecoder.tip(from: file)
        remember(.tip(decoded), for: file)
        return decoded
    }

    func chapter(from file: SourceFile) -> DecodedChapter {
        if case .chapter(let decoded)? = decoded(file) { return decoded }
        let decoded = ContentDecoder.chapter(from: file)
        remember(.chapter(decoded), for: file)
        return decoded
    }

    func config(from file: SourceFile) -> DecodedConfig {
        if case .config(let decoded)? = decoded(file) { return decoded }
        let decoded = ContentDecoder.config(from: file)
        remember(.config(decoded), for: file)
        return decoded
    }

    // MARK: - Helpers

    /// The decoded model of exactly this text. Texts handed out by `read` are the cached values,
    /// so the comparison is usually of two references to one string.
    private func decoded(_ file: SourceFile) -> Decoded? {
        lock.withLock {
            guard let entry = files[file.path], Self.sameBytes(entry.file.text, file.text) else { return nil }
            return entry.decoded
        }
    }

    private func remember(_ decoded: Decoded, for file: SourceFile) {
        lock.withLock {
            counts.filesDecoded += 1
            guard let entry = files[file.path], Self.sameBytes(entry.file.text, file.text) else { return }
            files[file.path]!.decoded = decoded
        }
    }

    /// Byte equality: `==` on strings compares canonical equivalence, which is slower and would
    /// take two spellings of "é" (that print different bytes) for the same text.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard x.count > 0, x.baseAddress != y.baseAddress else { return true }
                return memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
    }
}
