//! Builds the site into memory with the same pipeline as `handbook build`, and compares the new
//! files with the ones served to learn which open pages to reload.

import FoundationEssentials
import Dispatch
import HandbookCore
import NIOConcurrencyHelpers

/// Runs one rebuild at a time. `@unchecked`: the mutable state below is guarded by `lock`.
final class PreviewBuilder: @unchecked Sendable {
    let options: BuildOptions
    private let lock = NIOLock()
    /// The files of the last good build.
    private var built: [String: [UInt8]] = [:]
    private var hasBuilt = false

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

    /// Builds the whole site again into memory.
    func rebuild() -> Outcome {
        lock.withLock { rebuildLocked() }
    }

    private func rebuildLocked() -> Outcome {
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
        let changed = Set(built.keys).union(newFiles.keys).filter { built[$0] != newFiles[$0] }
        let full = !hasBuilt
        built = newFiles
        hasBuilt = true
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return .built(Result(files: newFiles, changedPaths: changed.sorted(), full: full, pageCount: pageCount,
                             warnings: prepared.diagnostics, seconds: seconds))
    }
}
