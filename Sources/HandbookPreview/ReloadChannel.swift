//! Server-Sent Events from the preview to its open pages: one stream per page, one frame per change.

import FoundationEssentials
import Synchronization

/// What changed in the served site, as the pages hear it.
public struct SiteChange: Sendable, Equatable {
    /// Counts every version the server has served; a page knows the one it was served from.
    public var generation: Int
    /// Every page should reload (a full rebuild, or too many changes to list).
    public var all: Bool
    /// Site paths of the files (pages, stylesheets, scripts, images) that changed.
    public var paths: [String]
    /// The error overlay appeared, changed or went away: every page reloads.
    public var overlay: Bool

    public init(generation: Int, all: Bool = false, paths: [String] = [], overlay: Bool = false) {
        self.generation = generation
        self.all = all
        self.paths = paths
        self.overlay = overlay
    }

    /// Beyond this many paths the event says "all" instead of listing them.
    static let listLimit = 400

    var json: String {
        let everything = all || paths.count > Self.listLimit
        let listed = everything ? [] : paths
        return "{\"generation\":\(generation),\"all\":\(everything),\"paths\":["
            + listed.map(LiveReloadScript.jsonString).joined(separator: ",")
            + "],\"overlay\":\(overlay)}"
    }
}

/// Fans site changes out to every connected page. Frames are queued per subscriber, so one slow
/// page never holds back the others; a page that is gone is dropped on the next write.
final class ReloadChannel: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// A stream of SSE frames; it ends when the channel closes or the subscription is cancelled.
    func subscribe() -> (id: Int, frames: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return (0, stream)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        state.withLock { $0.subscribers.removeValue(forKey: id) }?.finish()
    }

    func publish(_ change: SiteChange, server: String) {
        send(Self.frame(event: "change", id: "\(server).\(change.generation)", data: change.json))
    }

    /// A comment line that keeps idle connections open and finds the ones that closed.
    func ping() {
        send(": ping\n\n")
    }

    /// Ends every stream, so that open pages let the server shut down.
    func close() {
        let all = state.withLock { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    static func frame(event: String, id: String, data: String) -> String {
        "id: \(id)\nevent: \(event)\ndata: \(data)\n\n"
    }

    private func send(_ frame: String) {
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(frame) }
    }
}
