//! A fixed-size buffer that parallel loops fill, one slot per iteration.

import Foundation

/// Each index is written by exactly one iteration of `concurrentPerform`, so slots never race;
/// the lock only guards the array's storage against concurrent copy-on-write.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// All values, moved out (the slots are left empty, so this is called once); every slot
    /// must have been filled. Moving rather than copying spares a retain and a release of every
    /// reference in every value (a tip holds a dozen).
    func takeValues() -> [Value] {
        lock.withLock {
            var slots: [Value?] = []
            swap(&slots, &storage)
            var values: [Value] = []
            values.reserveCapacity(slots.count)
            while let slot = slots.popLast() { values.append(slot!) }
            values.reverse()
            return values
        }
    }
}
