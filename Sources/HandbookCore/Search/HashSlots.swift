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
        (keys, values, marks) = Self.emptySlots(size)
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
        let (slot, found) = locate(key)
        guard found else {
            store(key, value: newValue, mark: mark, at: slot)
            return .new(newValue)
        }
        if marks[slot] == mark { return .known }
        marks[slot] = mark
        return .firstForMark(values[slot])
    }

    /// The value stored for `key`, or nil after storing `value` for it.
    func insert(_ key: UInt64, value: Int32) -> Int32? {
        let (slot, found) = locate(key)
        if found { return values[slot] }
        store(key, value: value, mark: -1, at: slot)
        return nil
    }

    /// The slot holding `key`, or the empty slot where it belongs.
    @inline(__always)
    private func locate(_ key: UInt64) -> (slot: Int, found: Bool) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return (slot, false)
    }

    @inline(__always)
    private func store(_ key: UInt64, value: Int32, mark: Int32, at slot: Int) {
        keys[slot] = key
        values[slot] = value
        marks[slot] = mark
        count += 1
        if count * 2 > size { grow() }
    }

    private static func emptySlots(_ size: Int)
        -> (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) {
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        let values = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        let marks = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        marks.initialize(repeating: -1, count: size)
        return (keys, values, marks)
    }

    private func grow() {
        let oldKeys = keys, oldValues = values, oldMarks = marks, oldSize = size
        size *= 2
        mask = size - 1
        (keys, values, marks) = Self.emptySlots(size)
        for index in 0..<oldSize where oldKeys[index] != 0 {
            let slot = locate(oldKeys[index]).slot
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
            marks[slot] = oldMarks[index]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
        oldMarks.deallocate()
    }
}
