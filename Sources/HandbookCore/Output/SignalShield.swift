//! Holds back SIGINT and SIGTERM while the new site is put in place, so an interrupted build never leaves it half-swapped.

import FoundationEssentials
import Glibc

enum SignalShield {
    // Only the signal handler and the shielded thread touch these: plain Int32 stores are signal-safe.
    nonisolated(unsafe) private static var shielding: Int32 = 0
    nonisolated(unsafe) private static var pending: Int32 = 0

    /// Runs `body` with SIGINT and SIGTERM deferred until it returns.
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        let previousInterrupt = signal(SIGINT, handler)
        let previousTerminate = signal(SIGTERM, handler)
        shielding = 1
        defer {
            shielding = 0
            signal(SIGINT, previousInterrupt)
            signal(SIGTERM, previousTerminate)
            if pending != 0 {
                let signalNumber = pending
                pending = 0
                raise(signalNumber)
            }
        }
        return try body()
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if SignalShield.shielding != 0 {
            SignalShield.pending = signalNumber
        } else {
            Glibc.signal(signalNumber, SIG_DFL)
            raise(signalNumber)
        }
    }
}
