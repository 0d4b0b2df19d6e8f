//! A copy of the repository's real content and default theme in a temporary folder, for tests
//! that edit files. The repository's own `content/` is never touched.

import Foundation
import HandbookCore
@testable import HandbookPreview

final class TemporaryHandbook: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var theme: URL { root.appendingPathComponent("theme") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/handbook"), to: content)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("themes/default"), to: theme)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func buildOptions(output: String? = nil) -> BuildOptions {
        BuildOptions(content: content.path, theme: theme.path, output: output ?? root.appendingPathComponent("site").path)
    }

    /// The content file of a tip, by number ("tips/001-….md").
    func tipFile(_ number: Int) throws -> URL {
        let prefix = String(format: "%03d-", number)
        let tips = content.appendingPathComponent("tips")
        guard let name = try FileManager.default.contentsOfDirectory(atPath: tips.path).first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return tips.appendingPathComponent(name)
    }

    func read(_ file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8)
    }

    /// Saves the way editors do: write a temporary file beside it, then rename it over the old one.
    func save(_ file: URL, _ text: String) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try save(file, change(try read(file)))
    }

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try read(file)
        precondition(text.contains(old), "'\(old)' not in \(file.lastPathComponent)")
        try save(file, text.replacingOccurrences(of: old, with: new))
    }

    /// Every file of a site folder written by `handbook build`, except its marker.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  relative != SitePaths.marker else { continue }
            files[relative] = FileManager.default.contents(atPath: path)
        }
        return files
    }

    /// `handbook build` of the current files into a fresh folder.
    func fullBuild() throws -> [String: Data] {
        let output = root.appendingPathComponent("full-\(UUID().uuidString)")
        _ = try SiteBuilder.build(buildOptions(output: output.path))
        defer { try? FileManager.default.removeItem(at: output) }
        return try Self.files(in: output)
    }
}

/// A preview server on a free port, for one test.
struct RunningPreview: Sendable {
    let server: PreviewServer
    let task: Task<Void, Error>
    let port: Int

    static func start(_ handbook: TemporaryHandbook, debounce: Duration = .milliseconds(15),
                      watchMode: ContentWatcher.Mode = .automatic,
                      adjust: (inout PreviewConfiguration) -> Void = { _ in }) async throws -> RunningPreview {
        var configuration = PreviewConfiguration(port: 0, build: handbook.buildOptions(), debounce: debounce,
                                                 watchMode: watchMode, handlesSignals: false)
        adjust(&configuration)
        let server = PreviewServer(configuration: configuration)
        let task = Task { try await server.run() }
        // Generous: in a full `swift test` run, other suites can hold the machine for a while.
        guard let url = await server.waitUntilListening(timeout: .seconds(240)), let port = url.port else {
            task.cancel()
            throw RawHTTPError.malformed("the preview server did not start")
        }
        return RunningPreview(server: server, task: task, port: port)
    }

    func stop() async throws {
        await server.shutdown()
        try await task.value
    }

    func get(_ target: String, method: String = "GET") async throws -> HTTPResult {
        let port = port
        return try await offPool { try RawHTTP.request(port: port, target: target, method: method) }
    }

    /// An open reload channel, as a page served at the current generation would open it.
    func subscribe() async throws -> SSEClient {
        let port = port
        let client = try await offPool { try SSEClient(port: port) }
        _ = try await offPool { try client.next(timeout: 60) } // hello
        return client
    }
}

/// Waits for the next `change` event off the concurrency pool.
func nextChange(_ client: SSEClient, timeout: TimeInterval = 60) async throws -> [String: Any] {
    try await offPool { SendableJSON(value: try client.nextChange(timeout: timeout)) }.value
}

struct SendableJSON: @unchecked Sendable {
    let value: [String: Any]
}
