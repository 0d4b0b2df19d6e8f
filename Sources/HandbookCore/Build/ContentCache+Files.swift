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

    /// Reads a file that the watcher says changed and keeps it, like `read`, but without making
    /// this a build that looked at every file (one that drops the entries it did not use).
    func reread(path: String, display: String) -> Result<SourceFile, Diagnostic> {
        let now = FileStamp.now()
        guard let stamp = FileStamp(path: path) else { return ContentLoader.read(path: path, display: display) }
        let result = ContentLoader.read(path: path, display: display)
        guard case .success(let file) = result else { return result }
        return lock.withLock {
            counts.filesRead += 1
            var entry = CachedFile(stamp: stamp, settled: stamp.isSettled(at: now), file: file, decoded: nil, used: generation)
            if let cached = files[display], Self.sameBytes(cached.file.text, file.text) {
                entry.file = cached.file
                entry.decoded = cached.decoded
            }
            files[display] = entry
            return .success(entry.file)
        }
    }

    /// `read` for many files: their stamps are taken on all cores and compared under one lock,
    /// so that thousands of unchanged files cost little; only the others are read.
    func readAll(_ paths: [(path: String, display: String)],
                 reading: @Sendable (String, String) -> Result<SourceFile, Diagnostic>) -> [Result<SourceFile, Diagnostic>] {
        let stamps = Self.inSlices(paths.count) { FileStamp(path: paths[$0].path) }
        var results: [Result<SourceFile, Diagnostic>?] = lock.withLock {
            readThisBuild = true
            return paths.indices.map { index in
                let display = paths[index].display
                guard let entry = files[display], entry.settled, let stamp = stamps[index], entry.stamp == stamp else { return nil }
                if entry.used != generation {
                    files[display]!.used = generation
                    filesUsed += 1
                }
                return .success(entry.file)
            }
        }
        let missing = results.indices.filter { results[$0] == nil }
        let read = Self.inSlices(missing.count, size: 8) { self.read(path: paths[missing[$0]].path, display: paths[missing[$0]].display, reading: reading) }
        for (slot, index) in missing.enumerated() { results[index] = read[slot] }
        return results.map { $0! }
    }

    /// `tip(from:)` for many files, with the look-ups under one lock and the rest decoded on all cores.
    func tips(from sources: [SourceFile]) -> [DecodedTip] {
        var results: [DecodedTip?] = lock.withLock {
            sources.map { file in
                guard let entry = files[file.path], Self.sameBytes(entry.file.text, file.text),
                      case .tip(let decoded)? = entry.decoded else { return nil }
                return decoded
            }
        }
        let missing = results.indices.filter { results[$0] == nil }
        let decoded = Self.inSlices(missing.count, size: 8) { self.tip(from: sources[missing[$0]]) }
        for (slot, index) in missing.enumerated() { results[index] = decoded[slot] }
        return results.map { $0! }
    }

    /// `make(0..<count)` on all cores, in slices: one item costs too little to be worth a task
    /// (and a turn of a lock) of its own.
    static func inSlices<T>(_ count: Int, size: Int = 256, _ make: @Sendable (Int) -> T) -> [T] {
        let slices = ConcurrentResults<[T]>(count: (count + size - 1) / size)
        DispatchQueue.concurrentPerform(iterations: (count + size - 1) / size) { slice in
            slices[slice] = (slice * size..<min(count, (slice + 1) * size)).map(make)
        }
        return slices.takeValues().flatMap { $0 }
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
