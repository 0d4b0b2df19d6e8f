//! `handbook build --timings`: how long each named step of the build took.

import Foundation

/// Times the steps that `SiteBuilder` reports and prints each one to standard error when the
/// next starts, with the process's peak memory so far, so a slow or large build can be
/// explained without a profiler.
struct StepClock {
    private var current: (name: String, start: UInt64)?

    mutating func start(_ step: String) {
        finish()
        current = (step, DispatchTime.now().uptimeNanoseconds)
    }

    mutating func finish() {
        guard let (name, start) = current else { return }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %6.1f MiB peak  %@\n", milliseconds, peak, name as NSString).utf8))
        current = nil
    }
}
