//! The distinct words of a tip, collected without making a `String` of every repeat.

/// Collects distinct folded words in order of first appearance. A tip's text repeats most of its
/// words, so repeats are recognised by a 64-bit FNV-1a hash of their bytes (made by the scanner
/// as it reads them, `SearchText.wordHash`) in a small
/// open-addressing table (two different words sharing a 64-bit hash within one tip is not a
/// practical concern). Words are kept as bytes; the index builder makes a `String` only of a
/// word that is new to it. One collector is reused from tip to tip (`reset()`); its table is a
/// class, so a collector is used where it was made, not copied and filled in two places.
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
        SearchText.forEachWord(in: text) { bytes, hash in insert(bytes, hash: hash) }
    }

    /// Forgets every word, keeping the storage for the next tip.
    mutating func reset() {
        table.removeAll(hashes)
        hashes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Keeps `word` unless a word with its hash is already here.
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard table.insert(hash, value: Int32(hashes.count)) == nil else { return }
        hashes.append(hash)
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
    }
}

/// An open-addressing table from nonzero 64-bit word hashes to small ids: the hashes are already
/// well mixed, so they index the table directly, with none of `Dictionary`'s rehashing. Its slots
/// are plain memory, owned by the table (a class, so never copied): the inner loop of the search
/// index pays no uniqueness or bounds checks.
final class HashSlots {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    private var size: Int
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        self.size = size
        mask = size - 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The value stored for `key`, or nil after storing `value` for it.
    func insert(_ key: UInt64, value: Int32) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > size { grow() }
        return nil
    }

    /// Empties the slots of `stored` (every key in the table), faster than clearing them all.
    func removeAll(_ stored: [UInt64]) {
        if stored.count * 8 > size {
            keys.update(repeating: 0, count: size)
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

    private func grow() {
        let oldKeys = keys, oldValues = values, oldSize = size
        size *= 2
        mask = size - 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        for index in 0..<oldSize where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
