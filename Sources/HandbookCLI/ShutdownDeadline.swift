//! Ctrl-C and SIGTERM end `handbook serve` within a second, even when a stuck rebuild ignores the graceful shutdown.

import Dispatch
import FoundationEssentials
import Glibc

/// Armed while it lives: keep it until the server has stopped.
struct ShutdownDeadline {
    private let sources: [any DispatchSourceSignal]

    init(seconds: Double = 1) {
        sources = [SIGINT, SIGTERM].map { signal in
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
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
