//! Builds the site into memory with `handbook build`'s pipeline and lists the files that changed.

import FoundationEssentials
import Dispatch
import HandbookCore
import Synchronization

/// Runs one rebuild at a time: the lock on the last good build's files is held throughout.
final class PreviewBuilder: Sendable {
    let options: BuildOptions
    /// The files of the last good build; nil before the first.
    private let built = Mutex<[String: [UInt8]]?>(nil)

    init(options: BuildOptions) {
        var options = options
        options.datesFromGit = false  // one git call per save would slow every reload
        self.options = options
    }

    /// A good build: the complete new site, and what changed since the previous good one.
    struct Result: Sendable {
        var files: [String: [UInt8]]
        /// Site paths added, changed or removed.
        var changedPaths: [String]
        /// The first build: every open page reloads.
        var full: Bool
        var pageCount: Int
        var warnings: [Diagnostic]
        var seconds: Double

        /// `Built 125 pages in 23 ms`
        var summary: String {
            "Built \(pageCount) pages in \(Int((seconds * 1000).rounded())) ms"
        }
    }

    enum Outcome: Sendable {
        case built(Result)
        case failed([Diagnostic])
    }

    func rebuild() -> Outcome {
        built.withLock { rebuild(after: &$0) }
    }

    private func rebuild(after built: inout [String: [UInt8]]?) -> Outcome {
        let start = DispatchTime.now()
        let sink = MemorySink()
        let prepared: SiteBuilder.Prepared
        let pageCount: Int
        do {
            prepared = try SiteBuilder.prepare(options, booklet: true)
            pageCount = try SiteBuilder.write(prepared, into: sink)
        } catch let failure as BuildFailure {
            return .failed(failure.diagnostics)
        } catch {
            return .failed([.error("the build failed: \(error)", at: nil)])
        }
        let newFiles = sink.bytes
        let old = built ?? [:]
        let changed = Set(old.keys).union(newFiles.keys).filter { old[$0] != newFiles[$0] }
        let full = built == nil
        built = newFiles
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return .built(Result(files: newFiles, changedPaths: changed.sorted(), full: full, pageCount: pageCount,
                             warnings: prepared.diagnostics, seconds: seconds))
    }
}
