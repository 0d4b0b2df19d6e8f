//! Ctrl-C and SIGTERM end `handbook serve` within a second, whatever its rebuild is doing: the
//! server stops gracefully when it can, and this ends the process when it cannot (a rebuild
//! stuck in a system call does not answer cancellation).

import Dispatch
import FoundationEssentials
import Glibc

enum ShutdownDeadline {
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(seconds: Double = 1) {
        for signal in [SIGINT, SIGTERM] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                    print("Stopped.")
                    fflush(nil)
                    _exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
