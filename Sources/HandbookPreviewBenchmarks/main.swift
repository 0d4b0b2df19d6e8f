//! Latency of `handbook serve`: from an editor's save (temporary file renamed over a tip) to the
//! reload event reaching a page connected to the reload channel, over a real socket.
//!
//!     swift build -c release --static-swift-stdlib --scratch-path .build-serve-release --product HandbookPreviewBenchmarks
//!     .build-serve-release/release/HandbookPreviewBenchmarks \
//!         [--runs 40] [--edits body,title] [--content DIR]... [--tips N]...
//!
//! Without `--content` or `--tips` it measures the repository's handbook and a generated one of
//! 1,000 tips (`shared/bench/gen_content.py`); `--tips 10000` measures one of 10,000. Content is
//! copied to a temporary folder first. Each case ends with a line of medians to compare runs by.

import Foundation
import HandbookCore
import HandbookPreview
#if canImport(Glibc)
import Glibc
import Synchronization
#endif

struct Case {
    var name: String
    var content: URL
}

struct Options {
    var runs = 40
    var warmup = 3
    var cases: [Case] = []
    var theme = "themes/default"
    var edits = Edit.allCases

    static func parse() -> Options {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--runs": options.runs = Int(arguments.next() ?? "") ?? options.runs
            case "--theme": options.theme = arguments.next() ?? options.theme
            case "--edits":
                options.edits = (arguments.next() ?? "").split(separator: ",").compactMap { Edit(rawValue: String($0)) }
            case "--content":
                let path = arguments.next() ?? "content"
                options.cases.append(Case(name: path, content: URL(fileURLWithPath: path)))
            case "--tips":
                let count = Int(arguments.next() ?? "") ?? 1000
                options.cases.append(Case(name: "generated \(count) tips", content: generate(count)))
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
        if options.cases.isEmpty {
            options.cases = [Case(name: "real handbook", content: URL(fileURLWithPath: "content")),
                             Case(name: "generated 1000 tips", content: generate(1000))]
        }
        return options
    }

    /// Runs the shared generator into a temporary folder.
    static func generate(_ count: Int) -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-bench-\(count)-\(getpid())")
        try? FileManager.default.removeItem(at: output)
        let candidates = ["../shared/bench/gen_content.py", "/work/shared/bench/gen_content.py"]
        guard let script = candidates.first(where: FileManager.default.fileExists(atPath:)) else {
            FileHandle.standardError.write(Data("cannot find shared/bench/gen_content.py\n".utf8))
            exit(2)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(count), output.path]
        process.standardOutput = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        return output
    }
}

/// The statistics of a list of milliseconds.
func describe(_ values: [Double]) -> String {
    let sorted = values.sorted()
    func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))] }
    return String(format: "median %6.1f ms   p90 %6.1f   min %6.1f   max %6.1f", at(0.5), at(0.9), sorted.first!, sorted.last!)
}

/// Collects the server's rebuild times, to show how the latency divides.
final class Rebuilds: Sendable {
    private let byGeneration = Mutex<[Int: PreviewBuild]>([:])

    func record(_ event: PreviewEvent) {
        switch event {
        case .built(let build): byGeneration.withLock { $0[build.generation] = build }
        case .failed(let problems): FileHandle.standardError.write(Data("build failed: \(problems)\n".utf8))
        default: break
        }
    }

    func build(_ generation: Int) -> PreviewBuild? { byGeneration.withLock { $0[generation] } }
}

enum Edit: String, CaseIterable {
    /// A sentence added to a tip's text: the most common save.
    case body
    /// A tip's title changed: its neighbours, chapter and the pages that link to it change too.
    case title

    func apply(to text: String, run: Int) -> String {
        switch self {
        case .body:
            return text + "\nA sentence added in benchmark run \(run).\n"
        case .title:
            guard let range = text.range(of: "\ntitle: ") else { return text }
            let lineEnd = text[range.upperBound...].firstIndex(of: "\n")!
            var title = String(text[range.upperBound..<lineEnd])
            let quote = title.hasSuffix("\"") ? "\"" : ""
            if !quote.isEmpty { title.removeLast() }
            if let marker = title.range(of: " (edit ") { title = String(title[..<marker.lowerBound]) }
            return text.replacingCharacters(in: range.upperBound..<lineEnd, with: title + " (edit \(run))" + quote)
        }
    }
}

func measure(_ benchmarkCase: Case, options: Options) async throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-preview-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let content = work.appendingPathComponent("content")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: benchmarkCase.content, to: content)
    let tips = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("tips").path)
        .filter { $0.hasSuffix(".md") }.sorted().map { content.appendingPathComponent("tips/" + $0) }

    let rebuilds = Rebuilds()
    let build = BuildOptions(content: content.path, theme: options.theme, output: work.appendingPathComponent("site").path)
    let server = PreviewServer(configuration: PreviewConfiguration(port: 0, build: build, handlesSignals: false),
                               report: rebuilds.record)
    let serverTask = Task { try await server.run() }
    guard let port = await server.waitUntilListening()?.port else {
        print("\(benchmarkCase.name): the server did not start")
        return
    }
    let events = try EventStream(port: port)
    var latencies: [String: [Double]] = [:]
    var rebuildTimes: [String: [Double]] = [:]
    for edit in options.edits {
        for run in 0..<(options.warmup + options.runs) {
            let file = tips[(run * 37 + 11) % tips.count]
            let text = edit.apply(to: try String(contentsOf: file, encoding: .utf8), run: run)
            let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).swp")
            try Data(text.utf8).write(to: temporary)
            let saved = DispatchTime.now().uptimeNanoseconds
            rename(temporary.path, file.path)
            let generation = try await offPool { try events.nextChange(timeout: 300) }
            let arrived = DispatchTime.now().uptimeNanoseconds
            if run >= options.warmup {
                latencies[edit.rawValue, default: []].append(Double(arrived - saved) / 1e6)
                if let build = rebuilds.build(generation) {
                    rebuildTimes[edit.rawValue, default: []].append(build.seconds * 1000)
                }
            }
            try await Task.sleep(for: .milliseconds(60))
        }
    }
    print("\(benchmarkCase.name) (\(tips.count) tips, \(options.runs) saves each):")
    for edit in options.edits {
        print("  \(edit.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) save → reload event: \(describe(latencies[edit.rawValue]!))")
        if let times = rebuildTimes[edit.rawValue] {
            print("         of which rebuild:     \(describe(times))")
        }
    }
    for edit in options.edits {
        func median(_ values: [Double]?) -> String {
            guard let values, !values.isEmpty else { return "-" }
            return String(format: "%.1f", values.sorted()[values.count / 2])
        }
        print("  MEDIANS\t\(benchmarkCase.name)\t\(edit.rawValue)\trebuild \(median(rebuildTimes[edit.rawValue])) ms"
              + "\tsave→reload \(median(latencies[edit.rawValue])) ms")
    }
    await server.shutdown()
    _ = try? await serverTask.value
}

/// A page's view of the reload channel: the generation of each `change` event.
final class EventStream: Sendable {
    private let fd: Int32
    /// Text received after the last `change` frame returned.
    private let pending = Mutex("")

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        let request = "GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
    }

    deinit { close(fd) }

    /// Waits for the next `change` frame and returns its generation.
    func nextChange(timeout: Double) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let generation: Int? = pending.withLock { pending in
                guard let range = pending.range(of: "event: change\ndata: {\"generation\":") else { return nil }
                let digits = pending[range.upperBound...].prefix { $0.isNumber }
                pending = String(pending[range.upperBound...])
                return Int(digits) ?? 0
            }
            if let generation { return generation }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard poll(&poller, 1, wait) > 0 else { throw CocoaError(.fileReadUnknown) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { throw CocoaError(.fileReadUnknown) }
            pending.withLock { $0 += String(decoding: buffer[0..<count], as: UTF8.self) }
        }
    }
}

/// Waits on a socket off the concurrency pool, which the server being measured needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

let options = Options.parse()
for benchmarkCase in options.cases {
    do {
        try await measure(benchmarkCase, options: options)
    } catch {
        print("\(benchmarkCase.name): \(error)")
    }
}
