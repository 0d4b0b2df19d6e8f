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

    /// All values; every slot must have been filled.
    var values: [Value] {
        lock.withLock { storage.map { $0! } }
    }
}
