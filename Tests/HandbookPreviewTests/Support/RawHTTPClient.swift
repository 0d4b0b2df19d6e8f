//! A tiny HTTP/1.1 client over a plain socket. Unlike URLSession it sends the request target
//! exactly as written (`/../etc/passwd`, `%2e%2e`), which is what traversal tests need.
//! Every read has a deadline, so a broken server fails a test instead of hanging it.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

enum RawHTTPError: Error, CustomStringConvertible {
    case connect(Int32), timeout, closed, malformed(String)
    var description: String {
        switch self {
        case .connect(let code): "cannot connect (errno \(code))"
        case .timeout: "timed out"
        case .closed: "connection closed"
        case .malformed(let text): "malformed response: \(text)"
        }
    }
}

/// One connection to 127.0.0.1.
final class RawConnection: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            let code = errno
            close(fd)
            throw RawHTTPError.connect(code)
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw RawHTTPError.closed }
            offset += written
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill(deadline: Date) throws -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw RawHTTPError.timeout }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(remaining * 1000) + 1)
        guard ready > 0 else { throw RawHTTPError.timeout }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
    }

    func readLine(deadline: Date) throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill(deadline: deadline) else { throw RawHTTPError.closed }
        }
    }

    func readBytes(_ count: Int, deadline: Date) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill(deadline: deadline) else { throw RawHTTPError.closed }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    func readToEnd(deadline: Date) throws -> [UInt8] {
        while try fill(deadline: deadline) {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Status line and headers.
    func readHead(deadline: Date) throws -> (status: Int, headers: [String: String]) {
        let statusLine = try readLine(deadline: deadline)
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw RawHTTPError.malformed(statusLine) }
        var headers: [String: String] = [:]
        while true {
            let line = try readLine(deadline: deadline)
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPError.malformed(line) }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }
}

enum RawHTTP {
    /// Sends one request with the target exactly as given and reads the whole response.
    static func request(port: Int, target: String, method: String = "GET", timeout: TimeInterval = 60) throws -> HTTPResult {
        let deadline = Date().addingTimeInterval(timeout)
        let connection = try RawConnection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let (status, headers) = try connection.readHead(deadline: deadline)
        var body: [UInt8] = []
        if method == "HEAD" {
            body = []
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            body = try connection.readBytes(length, deadline: deadline)
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let size = Int(try connection.readLine(deadline: deadline), radix: 16) ?? 0
                if size == 0 { break }
                body += try connection.readBytes(size, deadline: deadline)
                _ = try connection.readLine(deadline: deadline)
            }
        } else {
            body = try connection.readToEnd(deadline: deadline)
        }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    /// True when nothing accepts connections on the port any more.
    static func isClosed(port: Int) -> Bool {
        (try? RawConnection(port: port)) == nil
    }
}

/// A Server-Sent Events subscriber, reading frames as the page script would get them.
final class SSEClient: @unchecked Sendable {
    struct Event {
        var name: String
        var id: String
        var data: String
    }

    private let connection: RawConnection

    init(port: Int, query: String = "", timeout: TimeInterval = 60) throws {
        connection = try RawConnection(port: port)
        try connection.send("GET /__handbook/events\(query.isEmpty ? "" : "?" + query) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
        let (status, headers) = try connection.readHead(deadline: Date().addingTimeInterval(timeout))
        guard status == 200, headers["content-type"] == "text/event-stream" else {
            throw RawHTTPError.malformed("status \(status), \(headers)")
        }
        chunked = headers["transfer-encoding"]?.lowercased() == "chunked"
    }

    private let chunked: Bool
    private var pendingLines: [String] = []
    private var partial = ""

    /// The next event (comments and `retry:` skipped); throws `timeout` when none comes in time.
    func next(timeout: TimeInterval = 10) throws -> Event {
        let deadline = Date().addingTimeInterval(timeout)
        var event = Event(name: "message", id: "", data: "")
        var sawField = false
        while true {
            let line = try nextLine(deadline: deadline)
            if line.isEmpty {
                if sawField { return event }
                continue
            }
            if line.hasPrefix(":") { continue }
            let (field, value) = line.firstIndex(of: ":").map {
                (String(line[..<$0]), line[line.index(after: $0)...].trimmingPrefix(" "))
            } ?? (line, "")
            switch field {
            case "event": event.name = String(value); sawField = true
            case "id": event.id = String(value); sawField = true
            case "data": event.data += (event.data.isEmpty ? "" : "\n") + value; sawField = true
            default: break
            }
        }
    }

    /// The next `change` event, skipping others.
    func nextChange(timeout: TimeInterval = 10) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let event = try next(timeout: max(0.001, deadline.timeIntervalSinceNow))
            if event.name == "change" {
                return (try JSONSerialization.jsonObject(with: Data(event.data.utf8))) as? [String: Any] ?? [:]
            }
        }
    }

    /// Lines of the event stream, with the chunked transfer encoding taken off.
    private func nextLine(deadline: Date) throws -> String {
        while pendingLines.isEmpty {
            let piece: String
            if chunked {
                let sizeLine = try connection.readLine(deadline: deadline)
                guard let size = Int(sizeLine, radix: 16), size > 0 else { throw RawHTTPError.closed }
                piece = String(decoding: try connection.readBytes(size, deadline: deadline), as: UTF8.self)
                _ = try connection.readLine(deadline: deadline)
            } else {
                piece = try connection.readLine(deadline: deadline) + "\n"
            }
            partial += piece
            while let newline = partial.firstIndex(of: "\n") {
                pendingLines.append(String(partial[..<newline]))
                partial = String(partial[partial.index(after: newline)...])
            }
        }
        return pendingLines.removeFirst()
    }
}

/// Runs blocking socket work off the concurrency pool, which the server under test needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
