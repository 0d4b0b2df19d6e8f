//! Which Host headers the preview answers: only its own address's, against DNS rebinding.

import FoundationEssentials
import Synchronization

/// A web page could otherwise read the preview by pointing its own name at 127.0.0.1.
final class HostCheck: Sendable {
    private let names: Set<String>
    /// Bound to every address (0.0.0.0, ::): the user chose the network, where the machine's names are unknown.
    private let anyName: Bool
    /// Known once the server listens.
    private let port = Mutex<Int?>(nil)

    init(host: String) {
        let host = host.lowercased()
        anyName = host == "0.0.0.0" || host == "::" || host == "[::]"
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        self.names = names
    }

    func listening(on port: Int) { self.port.withLock { $0 = port } }

    /// Whether a Host header (`127.0.0.1:4000`) names the preview; a port, when given, must be its own.
    func allows(_ header: String?) -> Bool {
        guard let header = header?.lowercased(), !header.isEmpty else { return false }
        if anyName { return true }
        var name = Substring(header)
        var port: Int?
        if let close = header.lastIndex(of: "]") ?? (header.hasPrefix("[") ? nil : header.lastIndex(of: ":").map { header.index(before: $0) }),
           let colon = header[close...].firstIndex(of: ":") {
            name = header[..<colon]
            guard let number = Int(header[header.index(after: colon)...]) else { return false }
            port = number
        }
        guard names.contains(String(name)) else { return false }
        guard let port else { return true }
        return self.port.withLock { $0 == nil || $0 == port }
    }
}
