//! Server-Sent Events from the preview to its open pages: one stream per page, one frame per change.

import FoundationEssentials
import NIOConcurrencyHelpers

/// What changed in the served site, as the pages hear it.
public struct SiteChange: Sendable, Equatable {
    /// Counts every version the server has served; a page knows the one it was served from.
    public var generation: Int
    /// Every page should reload (a full rebuild, or too many changes to list).
    public var all: Bool
    /// Site paths of the files (pages, stylesheets, scripts, images) that changed. A page reloads
    /// when it or a script or image it uses is listed, and swaps a listed stylesheet in place.
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
/// `@unchecked`: the subscribers are guarded by `lock`.
final class ReloadChannel: @unchecked Sendable {
    private let lock = NIOLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    /// A stream of SSE frames; it ends when the channel closes or the subscription is cancelled.
    func subscribe() -> (id: Int, frames: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            nextID += 1
            subscribers[nextID] = continuation
            return nextID
        }
        guard let id else {
            continuation.finish()
            return (0, stream)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        let continuation = lock.withLock { subscribers.removeValue(forKey: id) }
        continuation?.finish()
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
        let all = lock.withLock {
            closed = true
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    var subscriberCount: Int { lock.withLock { subscribers.count } }

    static func frame(event: String, id: String, data: String) -> String {
        "id: \(id)\nevent: \(event)\ndata: \(data)\n\n"
    }

    private func send(_ frame: String) {
        let all = lock.withLock { Array(subscribers.values) }
        for continuation in all { continuation.yield(frame) }
    }
}
