//! One piece of work started on another thread, whose result is waited for later.

import FoundationEssentials
import Dispatch

/// Runs `work` at once on a global queue; `result()` waits for it. The value is written once,
/// before the semaphore is signalled, and read only after waiting on it.
/// `@unchecked`: the value is written before `finished` signals and read only after waiting on it.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.finished.signal()
        }
    }

    /// The work's result, waited for the first time (each wait signals again for the next caller).
    func result() -> Value {
        finished.wait()
        defer { finished.signal() }
        return value!
    }
}
