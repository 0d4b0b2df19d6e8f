//! A fixed-size buffer that parallel loops fill, one slot per iteration.

import FoundationEssentials
import Dispatch
import NIOConcurrencyHelpers

/// Each index is written by exactly one iteration of `concurrentPerform`, so slots never race;
/// the lock only guards the array's storage against concurrent copy-on-write.
/// `@unchecked`: the storage is guarded by `lock`.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NIOLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// All values, moved out (the slots are left empty, so this is called once); every slot
    /// must have been filled.
    func takeValues() -> [Value] {
        lock.withLock {
            var values: [Value] = []
            values.reserveCapacity(storage.count)
            for index in storage.indices { values.append(storage[index].take()!) }
            storage = []
            return values
        }
    }

    /// The value of one slot, moved out (the slot is left empty).
    func take(_ index: Int) -> Value? {
        lock.withLock { storage[index].take() }
    }
}

extension Array where Element: Sendable {
    /// `map(transform)` on all cores, in runs of consecutive elements; the order is kept. For
    /// long arrays whose elements each cost a little (an allocation or two), which one core
    /// would otherwise work through while the others wait for the next parallel step.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let runs = Swift.min(count, 64)
        guard runs > 1 else { return map(transform) }
        let results = ConcurrentResults<[T]>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            results[run] = self[run * count / runs..<(run + 1) * count / runs].map(transform)
        }
        return results.takeValues().flatMap { $0 }
    }
}
