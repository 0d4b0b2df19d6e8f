//! The table that recognises a word by its hash.

/// An open-addressing table from nonzero 64-bit word hashes to small ids: the hashes are already
/// well mixed, so they index the table directly, with none of `Dictionary`'s rehashing. Its slots
/// are plain memory, owned by the table (a class, so never copied): the inner loop of the search
/// index pays no uniqueness or bounds checks.
final class HashSlots {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    /// A mark per slot, for `visit`.
    private var marks: UnsafeMutablePointer<Int32>
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
        marks = .allocate(capacity: size)
        marks.initialize(repeating: -1, count: size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        marks.deallocate()
    }

    /// What `visit` found.
    enum Visit {
        /// The key was there, already visited with this mark.
        case known
        /// The key was there (with this value), and is now marked.
        case firstForMark(Int32)
        /// The key was not there; it is now, with the new value, marked.
        case new(Int32)
    }

    /// Finds `key` or stores it with `newValue`, and marks it with `mark` (the search index's
    /// tip position), saying whether it already had that mark.
    @inline(__always)
    func visit(_ key: UInt64, newValue: Int32, mark: Int32) -> Visit {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key {
                if marks[slot] == mark { return .known }
                marks[slot] = mark
                return .firstForMark(values[slot])
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = newValue
        marks[slot] = mark
        count += 1
        if count * 2 > size { grow() }
        return .new(newValue)
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

    private func grow() {
        let oldKeys = keys, oldValues = values, oldMarks = marks, oldSize = size
        size *= 2
        mask = size - 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        marks = .allocate(capacity: size)
        marks.initialize(repeating: -1, count: size)
        for index in 0..<oldSize where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
            marks[slot] = oldMarks[index]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
        oldMarks.deallocate()
    }
}
