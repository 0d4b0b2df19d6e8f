//! A fixed-size buffer that parallel loops fill, one slot per iteration.

import Dispatch
import Synchronization

/// Each index is written by exactly one iteration of `concurrentPerform`; the mutex guards the
/// array's storage, which two threads writing at once would otherwise copy.
final class ConcurrentResults<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) {
        storage = Mutex(Array(repeating: nil, count: count))
    }

    subscript(index: Int) -> Value? {
        get { storage.withLock { $0[index] } }
        set { storage.withLock { $0[index] = newValue } }
    }

    /// All values, moved out (the slots are left empty, so this is called once); every slot must be filled.
    func takeValues() -> [Value] {
        storage.withLock { slots in
            let values = slots.indices.map { slots[$0].take()! }
            slots = []
            return values
        }
    }
}

extension Array where Element: Sendable {
    /// `map(transform)` on all cores, in runs of consecutive elements, the order kept: for long
    /// arrays of cheap elements, which one core would otherwise work through alone.
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
