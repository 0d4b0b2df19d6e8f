//! Holds back SIGINT and SIGTERM while the new site is put in place, so an interrupted build never leaves it half-swapped.

import FoundationEssentials
import Glibc
import Synchronization

enum SignalShield {
    // Atomics, not a Mutex: they are lock-free, so the signal handler may touch them.
    private static let shielding = Atomic<Bool>(false)
    private static let pending = Atomic<Int32>(0)

    /// Runs `body` with SIGINT and SIGTERM deferred until it returns.
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        let previousInterrupt = signal(SIGINT, handler)
        let previousTerminate = signal(SIGTERM, handler)
        shielding.store(true, ordering: .sequentiallyConsistent)
        defer {
            shielding.store(false, ordering: .sequentiallyConsistent)
            signal(SIGINT, previousInterrupt)
            signal(SIGTERM, previousTerminate)
            let signalNumber = pending.exchange(0, ordering: .sequentiallyConsistent)
            if signalNumber != 0 { raise(signalNumber) }
        }
        return try body()
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if SignalShield.shielding.load(ordering: .sequentiallyConsistent) {
            SignalShield.pending.store(signalNumber, ordering: .sequentiallyConsistent)
        } else {
            Glibc.signal(signalNumber, SIG_DFL)
            raise(signalNumber)
        }
    }
}
