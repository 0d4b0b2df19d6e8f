//! The distinct words of a tip, collected without hashing every repeat as a `String`.

/// Collects distinct folded words in order of first appearance. A tip's text repeats most of its
/// words, so repeats are recognised by a 64-bit FNV-1a hash of their bytes in a small
/// open-addressing table, and only a new word becomes a `String`. (Two different words sharing
/// a 64-bit hash within one tip is not a practical concern.)
struct WordCollector {
    private(set) var words: [String] = []
    /// `hashes[i]` is the hash of `words[i]`; the index builder reuses them to merge tips.
    private(set) var hashes: [UInt64] = []
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 512) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    mutating func add(_ text: String) {
        SearchText.forEachWord(in: text) { bytes in insert(bytes) }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] == hash { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash
        words.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        if words.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for hash in hashes {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash
        }
    }

    /// FNV-1a, never 0 (0 marks an empty slot).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash == 0 ? 1 : hash
    }
}
