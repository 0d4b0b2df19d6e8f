//! `handbook serve`: preview the handbook in a browser while editing it.

import ArgumentParser
import FoundationEssentials
import Glibc
import HandbookCore
import HandbookPreview
import Synchronization

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the handbook locally, rebuild it on every save and reload the open pages.",
        discussion: """
            The site is built into memory; the output folder is not touched. A page reloads only \
            after the whole new site is in place. While the content has errors, the last good \
            site stays up and every page shows the errors. Press Ctrl-C to stop.
            """)

    @OptionGroup var source: ContentOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 4000

    @Option(help: "The address to listen on. Any address but 127.0.0.1 or localhost makes the preview visible on the network.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535") }
    }

    func run() async throws {
        var isFolder = false
        guard FileManager.default.fileExists(atPath: source.content, isDirectory: &isFolder), isFolder else {
            // Nothing to watch: fail now rather than serve an error page that nothing can fix.
            DiagnosticPrinter.print([.error("content folder '\(source.content)' does not exist", at: nil,
                                            hint: "run from the handbook's folder, or pass --content PATH")])
            throw ExitCode.failure
        }
        // `prepare` checks the output folder against the content folder; the preview never writes it.
        let unused = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-preview-unused").path
        let configuration = PreviewConfiguration(host: host, port: port, build: source.buildOptions(output: unused))
        if !configuration.isLoopback {
            ServeReporter.warn("listening on \(host) makes the handbook visible to other machines on the network; "
                               + "leave out --host to keep the preview on this machine")
        }
        let theme = configuration.build.theme
        let reporter = ServeReporter(content: source.content,
                                     theme: FileManager.default.fileExists(atPath: theme.path) ? theme.shown : nil)
        let server = PreviewServer(configuration: configuration, report: reporter.report)
        let deadline = ShutdownDeadline()
        defer { deadline.cancel() }
        do {
            try await server.run()
        } catch let error as PreviewError {
            ServeReporter.warn(error.description, severity: "error")
            throw ExitCode.failure
        }
        print("Stopped.")
    }
}

/// Prints what the preview does: the address, each rebuild, and errors as `handbook build` does.
final class ServeReporter: Sendable {
    private let content: String
    /// The theme folder laid over the built-in theme, when there is one.
    private let theme: String?
    /// The warnings printed last; the lock also keeps one event's lines together.
    private let shownWarnings = Mutex<[Diagnostic]>([])

    init(content: String, theme: String?) {
        self.content = content
        self.theme = theme
    }

    func report(_ event: PreviewEvent) {
        shownWarnings.withLock { shownWarnings in
            switch event {
            case .listening(let url, let watching):
                print("Serving the handbook at \(url.absoluteString)")
                let folders = theme.map { "\(content) and \($0)" } ?? "\(content) (with the built-in theme)"
                print("Watching \(folders) (\(watching)). Press Ctrl-C to stop.")
            case .built(let build):
                if build.warnings != shownWarnings {
                    DiagnosticPrinter.print(build.warnings)
                    shownWarnings = build.warnings
                }
                print("\(Self.time()) \(build.fixed ? "Fixed. " : "")\(build.summary)")
            case .failed(let diagnostics):
                shownWarnings = []
                DiagnosticPrinter.print(diagnostics)
                let errors = diagnostics.filter { $0.severity == .error }.count
                print("\(Self.time()) \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build, "
                      + "with the errors shown on every page.")
            }
            fflush(nil)
        }
    }

    static func warn(_ text: String, severity: String = "warning") {
        StandardStream.error.write("\(severity): \(text)\n")
    }

    private static func time() -> String {
        var now = Glibc.time(nil)
        var local = tm()
        localtime_r(&now, &local)
        let twoDigits = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        return "[\(twoDigits(local.tm_hour)):\(twoDigits(local.tm_min)):\(twoDigits(local.tm_sec))]"
    }
}
