//! How to run the preview, and what it tells its user as it happens.

import FoundationEssentials
import Glibc
import HandbookCore

public struct PreviewConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    public var build: BuildOptions
    /// Quiet time after the last change of a burst before the rebuild starts.
    public var debounce: Duration
    public var watchMode: ContentWatcher.Mode
    /// Stop gracefully on Ctrl-C and SIGTERM (off in tests, which call `shutdown()`).
    public var handlesSignals: Bool
    /// How long a connection may stay idle, or take to send a request's head, before it is closed.
    public var idleTimeout: Duration = .seconds(15)
    /// Far below the usual limit of 1,024 open files, so a new tab still gets an answer when many connections hang.
    public var maximumConnections = 256

    public init(host: String = "127.0.0.1", port: Int = 4000, build: BuildOptions,
                debounce: Duration = .milliseconds(10), watchMode: ContentWatcher.Mode = .automatic,
                handlesSignals: Bool = true) {
        self.host = host
        self.port = port
        self.build = build
        self.debounce = debounce
        self.watchMode = watchMode
        self.handlesSignals = handlesSignals
    }

    /// Whether only this machine can reach the server.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

public enum PreviewEvent: Sendable {
    case listening(URL, watching: String)
    case built(PreviewBuild)
    case failed([Diagnostic])
}

public struct PreviewBuild: Sendable {
    /// `Built 125 pages in 23 ms`
    public var summary: String
    public var warnings: [Diagnostic]
    /// It ends a run of failed builds.
    public var fixed: Bool
    public var seconds: Double
    /// The version now served.
    public var generation: Int
}

/// The error a failed start is reported as, with the cause in the user's words where known.
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String

    init(_ error: Error, configuration: PreviewConfiguration) {
        let text = String(describing: error)
        if text.contains("errno: \(EADDRINUSE)") || text.contains("Address already in use") {
            description = "port \(configuration.port) is already in use; stop the other server or pass --port with another number"
        } else if text.contains("errno: \(EADDRNOTAVAIL)") || text.contains("Cannot assign requested address") {
            description = "cannot listen on '\(configuration.host)': this machine has no such address"
        } else {
            description = "the preview server stopped: \(text)"
        }
    }
}
