//! Answers the preview's requests: the site's pages, with the reload script added, and the reload channel.

import FoundationEssentials
import HandbookCore
import Hummingbird
import NIOCore
import ServiceLifecycle

struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: PreviewSiteStore
    let channel: ReloadChannel
    /// Changes with every start of `serve`, so that pages served by an earlier run reload.
    let serverID: String
    let hostCheck: HostCheck

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hostCheck.allows(request.head.authority) else {
            return plain(.init(code: 421, reasonPhrase: "Misdirected Request"),
                         "This preview answers only requests for its own address, such as http://127.0.0.1/.\n")
        }
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == LiveReloadScript.eventsPath {
            return events(request)
        }
        let site = store.current
        let head = request.method == .head
        switch SafePathResolver.resolve(path) {
        case .refused(let reason):
            return plain(.badRequest, "Refused: \(reason).\n")
        case .file(let file):
            if let bytes = site.files[file] {
                return respond(ByteBuffer(bytes: bytes), path: file, status: .ok, site: site, head: head)
            }
            // `/booklet` is the folder `/booklet/`, as a web server would answer.
            if !path.hasSuffix("/"), site.files[file + "/index.html"] != nil {
                let query = request.uri.query.map { "?" + $0 } ?? ""
                return plain(.movedPermanently, "Moved to \(path)/.\n", extra: [.location: path + "/" + query])
            }
            let notFound = site.files[SitePaths.notFound].map { ByteBuffer(bytes: $0) } ?? Self.placeholder(site)
            return respond(notFound, path: SitePaths.notFound, status: .notFound, site: site, head: head)
        }
    }

    // MARK: - Files

    private func respond(_ bytes: ByteBuffer, path: String, status: HTTPResponse.Status, site: PreviewSite,
                         head: Bool) -> Response {
        let type = MediaTypes.contentType(forPath: path)
        var body = bytes
        if type == MediaTypes.html {
            var snippet = LiveReloadScript.tag(server: serverID, generation: site.generation, page: path)
            if !site.problems.isEmpty { snippet = ErrorOverlay.html(for: site.problems, lines: site.excerpts) + snippet }
            body = LiveReloadScript.inject(snippet, into: bytes)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// Shown before the first build has succeeded (the overlay lists what to fix).
    static func placeholder(_ site: PreviewSite) -> ByteBuffer {
        let message = site.problems.isEmpty ? "No page here." : "The handbook has not been built yet."
        return ByteBuffer(string: """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Handbook preview</title></head>
            <body><p>\(message)</p></body>
            </html>
            """)
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - Reload channel

    /// A Server-Sent Events stream; a page served by an older generation (or run) is told at once to reload.
    private func events(_ request: Request) -> Response {
        let known = knownVersion(of: request)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Subscribe before reading the generation, so no change falls between the two.
            let (id, frames) = channel.subscribe()
            defer { channel.unsubscribe(id) }
            // A page that goes away ends its stream, and connection, at once, not at the next failed write.
            try await request.body.consumeWithInboundCloseHandler { _ in
                try await withGracefulShutdownHandler {
                    let generation = store.current.generation
                    var opening = "retry: 1000\n" + ReloadChannel.frame(event: "hello", id: "\(serverID).\(generation)",
                                                                         data: "{\"generation\":\(generation)}")
                    if let known, known.server != serverID || known.generation < generation {
                        opening += ReloadChannel.frame(event: "change", id: "\(serverID).\(generation)",
                                                       data: SiteChange(generation: generation, all: true).json)
                    }
                    try await writer.write(ByteBuffer(string: opening))
                    for await frame in frames {
                        try await writer.write(ByteBuffer(string: frame))
                    }
                } onGracefulShutdown: {
                    channel.unsubscribe(id)
                }
            } onInboundClosed: {
                channel.unsubscribe(id)
            }
            try await writer.finish(nil)
        })
    }

    /// The version the page was served from: `Last-Event-ID` on a reconnect, else the query.
    private func knownVersion(of request: Request) -> (server: String, generation: Int)? {
        if let last = request.headers[.init("Last-Event-ID")!], let dot = last.lastIndex(of: "."),
           let generation = Int(last[last.index(after: dot)...]) {
            return (String(last[..<dot]), generation)
        }
        let query = request.uri.queryParameters
        guard let server = query["server"], let generation = query["generation"].flatMap({ Int($0) }) else { return nil }
        return (String(server), generation)
    }
}
