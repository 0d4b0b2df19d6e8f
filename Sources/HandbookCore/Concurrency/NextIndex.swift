//! Hands out loop indices one at a time to a fixed set of workers.

import Synchronization

/// Each `take()` returns the next index below `count`, once, to whichever thread asks first; nil
/// when all are taken. Lets a few workers share a list of jobs while each keeps its own scratch buffer.
final class NextIndex: Sendable {
    private let count: Int
    private let next = Atomic<Int>(0)

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
