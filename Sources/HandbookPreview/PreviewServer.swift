//! `handbook serve`: build into memory, serve over HTTP, rebuild on every save, reload the open pages.

import FoundationEssentials
import Dispatch
import UnixSignals
import HandbookCore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A watcher feeds rebuilds; each good build is swapped in whole, then announced on the reload channel.
public final class PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    private let report: @Sendable (PreviewEvent) -> Void
    private let store = PreviewSiteStore()
    /// Internal, not private: tests watch its subscriber count.
    let channel = ReloadChannel()
    private let builder: PreviewBuilder
    let serverID = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private let state = ServerState()

    public init(configuration: PreviewConfiguration, report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.configuration = configuration
        self.report = report
        self.builder = PreviewBuilder(options: configuration.build)
    }

    /// The site being served now (tests and benchmarks look at it).
    public var site: PreviewSite { store.current }

    /// Builds, then serves until `shutdown()` or, when it handles signals, Ctrl-C.
    public func run() async throws {
        // Watch before the first build, so that a save during it is not missed.
        let watcher = ContentWatcher(folders: [.init(configuration.build.content.url, isContent: true),
                                               .init(configuration.build.theme.url, isContent: false)],
                                     debounce: configuration.debounce, mode: configuration.watchMode)
        watcher.start()
        defer {
            watcher.stop()
            channel.close()
        }
        apply(await rebuild())
        var logger = Logger(label: "handbook.preview")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        let hostCheck = HostCheck(host: configuration.host)
        let app = Application(
            responder: PreviewResponder(store: store, channel: channel, serverID: serverID, hostCheck: hostCheck),
            // Idle or half-sent connections close after `idleTimeout`; past `maximumConnections` new ones wait.
            server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: TimeAmount.seconds(configuration.idleTimeout.components.seconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumConnections)),
            services: [RebuildService(server: self, watcher: watcher), PingService(channel: channel)],
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? configuration.port
                hostCheck.listening(on: port)
                let url = listeningURL(port: port)
                state.listening(url)
                report(.listening(url, watching: watcher.mechanism))
            },
            logger: logger)
        var groupConfiguration = ServiceGroupConfiguration(
            services: [app],
            gracefulShutdownSignals: configuration.handlesSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        // Open pages end their streams at once; anything else gets this long before it is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        state.group = group
        do {
            try await group.run()
        } catch {
            state.failed()
            throw PreviewError(error, configuration: configuration)
        }
    }

    /// Stops serving: open pages are let go and the port is released before `run()` returns.
    public func shutdown() async {
        channel.close()
        await state.group?.triggerGracefulShutdown()
    }

    /// Waits until the server listens and returns its address; nil after `timeout` or a failed start.
    public func waitUntilListening(timeout: Duration = .seconds(60)) async -> URL? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            switch state.status {
            case .listening(let url): return url
            case .failed: return nil
            case .starting: try? await Task.sleep(for: .milliseconds(10))
            }
        }
        return nil
    }

    // MARK: - Rebuilding

    private static let queue = DispatchQueue(label: "handbook.preview.rebuild")

    /// Runs the build off the concurrency pool: it blocks while it uses every core.
    fileprivate func rebuild() async -> PreviewBuilder.Outcome {
        await withCheckedContinuation { continuation in
            Self.queue.async { [builder] in continuation.resume(returning: builder.rebuild()) }
        }
    }

    /// Swaps the new site in whole, then tells the pages; a failed build keeps the last good site.
    fileprivate func apply(_ outcome: PreviewBuilder.Outcome) {
        let old = store.current
        switch outcome {
        case .built(let result):
            let hadProblems = !old.problems.isEmpty
            let generation = old.generation + 1
            store.replace(PreviewSite(files: result.files, generation: generation))
            channel.publish(SiteChange(generation: generation, all: result.full, paths: result.changedPaths, overlay: hadProblems),
                            server: serverID)
            report(.built(PreviewBuild(summary: result.summary, warnings: result.warnings, fixed: hadProblems,
                                       seconds: result.seconds, generation: generation)))
        case .failed(let diagnostics):
            let excerpts = SourceExcerpts.lines(for: diagnostics, roots: [builder.options.content, builder.options.theme])
            if diagnostics != old.problems || excerpts != old.excerpts {
                let generation = old.generation + 1
                store.replace(PreviewSite(files: old.files, generation: generation, problems: diagnostics,
                                          excerpts: excerpts))
                channel.publish(SiteChange(generation: generation, overlay: true), server: serverID)
            }
            report(.failed(diagnostics))
        }
    }

    private func listeningURL(port: Int) -> URL {
        var host = configuration.host
        if host == "0.0.0.0" { host = "127.0.0.1" } else if host == "::" { host = "::1" }
        if host.contains(":") { host = "[\(host)]" }
        return URL(string: "http://\(host):\(port)/")!
    }
}

// MARK: - Services

/// Waits for each burst of changes and rebuilds, one rebuild at a time.
private struct RebuildService: Service {
    let server: PreviewServer
    let watcher: ContentWatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            while await watcher.next() != nil {
                server.apply(await server.rebuild())
            }
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}

/// Keeps idle reload streams open and drops the ones whose page has gone.
private struct PingService: Service {
    let channel: ReloadChannel

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(15)) }
            channel.ping()
        }
    }
}

/// Whether the server listens yet, and the service group to stop it with.
private final class ServerState: Sendable {
    enum Status { case starting, listening(URL), failed }
    private let state = Mutex<(status: Status, group: ServiceGroup?)>((.starting, nil))

    var status: Status { state.withLock { $0.status } }
    var group: ServiceGroup? {
        get { state.withLock { $0.group } }
        set { state.withLock { $0.group = newValue } }
    }

    func listening(_ url: URL) { state.withLock { $0.status = .listening(url) } }
    func failed() { state.withLock { $0.status = .failed } }
}
