//! `handbook build --timings`: how long each named step of the build took.

import Dispatch
import Glibc

/// Prints each step `SiteBuilder` reports when the next starts: wall time, CPU time of all threads
/// (twice the wall time: two cores were busy) and peak memory, to explain a slow build without a profiler.
struct StepClock {
    private var current: (name: String, start: UInt64, cpu: Double)?

    mutating func start(_ step: String) {
        finish()
        current = (step, DispatchTime.now().uptimeNanoseconds, Self.usage().cpu)
    }

    mutating func finish() {
        guard let (name, start, cpuAtStart) = current else { return }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let (cpu, peak) = Self.usage()
        StandardStream.error.write("\(oneDecimal(milliseconds, width: 8)) ms  \(oneDecimal(cpu - cpuAtStart, width: 8)) ms CPU  "
                                   + "\(oneDecimal(peak, width: 6)) MiB peak  \(name)\n")
        current = nil
    }

    /// CPU milliseconds of every thread so far, and the peak resident memory in MiB.
    private static func usage() -> (cpu: Double, peak: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1e3 + Double(time.tv_usec) / 1e3 }
        return (milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime), Double(usage.ru_maxrss) / 1024)
    }
}
