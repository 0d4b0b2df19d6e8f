//! The distinct words of a tip, collected without making a `String` of every repeat.

/// Collects distinct folded words in order of first appearance. A tip's text repeats most of its
/// words, so repeats are recognised by a 64-bit FNV-1a hash of their bytes in a small
/// open-addressing table (two different words sharing a 64-bit hash within one tip is not a
/// practical concern). Words are kept as bytes; the index builder makes a `String` only of a
/// word that is new to it. One collector is reused from tip to tip (`reset()`).
struct WordCollector {
    /// `hashes[i]` is the hash of word `i`; the index builder merges tips on them.
    private(set) var hashes: [UInt64] = []
    /// The words' bytes, one after another; word `i` is `bytes[ends[i - 1]..<ends[i]]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var table: HashSlots

    init(capacity: Int = 512) {
        table = HashSlots(capacity: capacity)
    }

    var count: Int { hashes.count }

    /// Word `i` as a `String`.
    func word(_ index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    mutating func add(_ text: String) {
        SearchText.forEachWord(in: text) { bytes in insert(bytes) }
    }

    /// Forgets every word, keeping the storage for the next tip.
    mutating func reset() {
        table.removeAll(hashes)
        hashes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(word)
        guard table.insert(hash, value: Int32(hashes.count)) == nil else { return }
        hashes.append(hash)
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
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

/// An open-addressing table from nonzero 64-bit word hashes to small ids: the hashes are already
/// well mixed, so they index the table directly, with none of `Dictionary`'s rehashing.
struct HashSlots {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The value stored for `key`, or nil after storing `value` for it.
    mutating func insert(_ key: UInt64, value: Int32) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return nil
    }

    /// Empties the slots of `stored` (every key in the table), faster than clearing them all.
    mutating func removeAll(_ stored: [UInt64]) {
        if stored.count * 8 > keys.count {
            for index in keys.indices { keys[index] = 0 }
        } else {
            // Every occupied slot holds one of `stored`; each is found by probing past the
            // slots already emptied (the probe stops at its key, not at an empty slot).
            for key in stored {
                var slot = Int(truncatingIfNeeded: key) & mask
                while keys[slot] != key { slot = (slot + 1) & mask }
                keys[slot] = 0
            }
        }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
