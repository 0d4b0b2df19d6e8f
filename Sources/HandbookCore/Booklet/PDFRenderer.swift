//! Renders the booklet's HTML to PDF with WeasyPrint, run as a separate process with a time limit.

import FoundationEssentials
import Dispatch
import Glibc
import Synchronization

/// Runs `weasyprint`, which lays out CSS paged media well (`target-counter`, running heads, bookmarks);
/// as a separate program it keeps Python out of Handbook, whose only extra dependency is the package.
public struct PDFRenderer: Sendable {
    /// The command that installs WeasyPrint, named in the error when it is missing.
    public static let installCommand = "apt-get install -y weasyprint"
    public static let program = "weasyprint"

    /// Seconds WeasyPrint may run before it is stopped.
    public var timeout: Double
    /// The folders searched for `weasyprint`, colon-separated like `PATH`.
    public var searchPath: String

    public init(timeout: Double = 300, searchPath: String? = nil) {
        self.timeout = timeout
        self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// What a successful run took, and what WeasyPrint said along the way.
    public struct Report: Sendable {
        public var seconds: Double
        /// WeasyPrint's warnings and errors, one per line (usually none).
        public var messages: [String]
    }

    /// How far a run has got, reported about once a second.
    public struct Progress: Sendable {
        public var seconds: Double
        /// The page being laid out, once WeasyPrint has started on pages.
        public var page: Int?
        /// The layout pass: WeasyPrint lays out again until `target-counter`'s page numbers settle (usually three).
        public var pass = 1
        /// Layout is done and the PDF file is being written.
        public var writing = false
    }

    /// The `weasyprint` program on the search path, if it is installed.
    public func locate() -> URL? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(Self.program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The `weasyprint` program, or the one-line error that says how to install it.
    @discardableResult
    public func installed() throws -> URL {
        guard let executable = locate() else {
            throw failure("WeasyPrint is not installed, so the PDF cannot be made; install it with: \(Self.installCommand)")
        }
        return executable
    }

    /// Renders `html` into `pdf`, through a hidden file renamed into place only on success, so a
    /// failed or stopped run never leaves half a PDF. Throws one diagnostic: not installed, failed or too slow.
    public func render(html: URL, to pdf: URL, progress: (Progress) -> Void = { _ in }) throws -> Report {
        let executable = try installed()
        let folder = pdf.deletingLastPathComponent()
        Self.removeLeftovers(in: folder, name: pdf.lastPathComponent)
        let partial = folder.appendingPathComponent(".\(pdf.lastPathComponent).partial-\(getpid())")
        defer { try? FileManager.default.removeItem(at: partial) }

        let arguments = ["--verbose", html.path, partial.path]
        let run: WeasyPrintRun
        if let (program, leading) = WeasyPrintFetcher.command(for: executable) {
            run = try WeasyPrintRun(executable: program, arguments: leading + arguments,
                                    environment: ["HANDBOOK_PDF_ROOT": WeasyPrintFetcher.root(of: html).path])
        } else {
            run = try WeasyPrintRun(executable: executable, arguments: arguments)
        }
        let start = DispatchTime.now()
        var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        let status: Int32
        while true {
            if let ended = run.exitStatus(within: min(1, max(0.05, timeout - elapsed))) {
                status = ended
                break
            }
            if elapsed >= timeout {
                run.stop()
                throw failure("WeasyPrint did not finish within \(Int(timeout)) s and was stopped; no PDF was written",
                              hint: "pass a longer --timeout")
            }
            var state = run.progress
            state.seconds = elapsed
            progress(state)
        }
        let messages = run.messages()
        guard status == 0, FileManager.default.fileExists(atPath: partial.path) else {
            let reason = messages.last { !$0.hasPrefix(" ") } ?? messages.last ?? "exit status \(status)"
            throw failure("WeasyPrint failed: \(reason)",
                          hint: "run '\(executable.path) \(html.path) out.pdf' to see its full output")
        }
        guard rename(partial.path, pdf.path) == 0 else {
            throw failure("cannot move the PDF into place at '\(pdf.path)': \(SystemErrorText.of(code: errno))")
        }
        return Report(seconds: elapsed, messages: messages)
    }

    private func failure(_ message: String, hint: String? = nil) -> BuildFailure {
        BuildFailure([.error(message, at: nil, hint: hint)])
    }

    /// Partial PDFs of runs that were killed before they could clean up.
    private static func removeLeftovers(in folder: URL, name: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where entry.hasPrefix(".\(name).partial-") && !ChildProcess.isRunning(namedIn: entry) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }
}

/// One running WeasyPrint process. Its standard error is read line by line on a thread of its own,
/// so a chatty run cannot fill the pipe and stall, and its "Creating layout - Page N" lines (it
/// runs with `--verbose`) drive the progress line.
private final class WeasyPrintRun: Sendable {
    private struct State {
        var lines: [String] = []
        var progress = PDFRenderer.Progress(seconds: 0)
        var status: Int32?
    }

    private let process: ChildProcess
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)
    private let readerDone = DispatchSemaphore(value: 0)

    init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
        do {
            process = try ChildProcess(executable: executable.path, arguments: arguments,
                                       environment: environment, capturing: .standardError)
        } catch {
            throw BuildFailure([.error("cannot run WeasyPrint at '\(executable.path)': \(error)", at: nil)])
        }
        // Queues of their own, each with its own thread: both blocks block, and the global
        // queue's few threads would leave them waiting behind the build's work.
        DispatchQueue(label: "handbook-weasyprint-wait").async { [self] in
            let status = process.waitForExit()
            state.withLock { $0.status = status }
            finished.signal()
        }
        DispatchQueue(label: "handbook-weasyprint-read").async { [self] in
            var pending: [UInt8] = []
            while let chunk = process.readChunk() {
                pending += chunk
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    take(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            if !pending.isEmpty { take(String(decoding: pending, as: UTF8.self)) }
            readerDone.signal()
        }
    }

    /// The exit status, waiting up to `seconds` for it; nil while WeasyPrint still runs.
    func exitStatus(within seconds: Double) -> Int32? {
        if let status = state.withLock({ $0.status }) { return status }
        _ = finished.wait(timeout: .now() + seconds)
        return state.withLock { $0.status }
    }

    /// How far WeasyPrint says it has got (without the time).
    var progress: PDFRenderer.Progress { state.withLock { $0.progress } }

    /// WeasyPrint's warnings, errors and traceback, without its progress lines; call after it has ended.
    func messages() -> [String] {
        _ = readerDone.wait(timeout: .now() + 5)
        return state.withLock { $0.lines }
    }

    /// SIGTERM, then SIGKILL if it has not gone within two seconds.
    func stop() {
        process.send(SIGTERM)
        if exitStatus(within: 2) == nil {
            process.send(SIGKILL)
            _ = exitStatus(within: 5)
        }
    }

    private func take(_ line: String) {
        var line = line
        while let last = line.last, last.isWhitespace { line.removeLast() }
        guard !line.isEmpty else { return }
        state.withLock { state in
            guard line.hasPrefix("INFO: ") else { return state.lines.append(line) }
            // "Step 5 - Creating layout - Page 12", "… - Repagination #1", "Step 6 - Creating PDF"
            if let range = line.firstRange(of: "Page "), let number = Int(line[range.upperBound...]) {
                state.progress.page = number
            } else if let range = line.firstRange(of: "Repagination #"), let number = Int(line[range.upperBound...]) {
                state.progress.pass = number + 1
            } else if line.contains("Creating PDF") || line.contains("Adding PDF") {
                state.progress.writing = true
            }
        }
    }
}
