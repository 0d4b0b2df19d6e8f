//! `handbook build --timings`: how long each named step of the build took.

import Foundation

/// Times the steps that `SiteBuilder` reports and prints each one to standard error when the
/// next starts, so a slow build can be explained without a profiler.
struct StepClock {
    private var current: (name: String, start: UInt64)?

    mutating func start(_ step: String) {
        finish()
        current = (step, DispatchTime.now().uptimeNanoseconds)
    }

    mutating func finish() {
        guard let (name, start) = current else { return }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", milliseconds, name as NSString).utf8))
        current = nil
    }
}
