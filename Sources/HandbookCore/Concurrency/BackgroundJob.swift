//! One piece of work started on another thread, whose result is waited for later.

import Dispatch
import Synchronization

/// Runs `work` at once; `result()` waits for it.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        // A queue of its own gets a thread of its own: the job may block (git for the dates),
        // and on the global queue it would hold one of the few threads the parallel loops use.
        DispatchQueue(label: "handbook-background-job").async { [self] in
            let result = work()
            value.withLock { $0 = result }
            finished.signal()
        }
    }

    /// The work's result, waited for the first time (each wait signals again for the next caller).
    func result() -> Value {
        finished.wait()
        defer { finished.signal() }
        return value.withLock { $0! }
    }
}
