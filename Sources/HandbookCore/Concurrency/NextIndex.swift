//! Hands out loop indices one at a time to a fixed set of workers.

import FoundationEssentials
import NIOConcurrencyHelpers

/// Each call of `take()` returns the next index below `count`, once, to whichever thread asks
/// first; nil when all are taken. Lets a few long-lived workers share a list of jobs while each
/// keeps its own scratch state (an output buffer) between jobs.
/// `@unchecked`: the next index is guarded by `lock`.
final class NextIndex: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NIOLock()

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
