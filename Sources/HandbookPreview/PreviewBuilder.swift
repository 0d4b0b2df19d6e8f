//! Builds the site into memory and rebuilds it after a change, rendering only the pages that the
//! change can affect (see `RebuildPlanner`). Content is always read and validated whole: that is
//! what finds every error, and it is cheap next to rendering the pages.

import Foundation
import HandbookCore
import NIOCore

/// Runs one rebuild at a time (the preview calls it from a single task).
final class PreviewBuilder: @unchecked Sendable {
    let options: BuildOptions
    private var assets: ThemeAssets
    private var last: (prepared: SiteBuilder.Prepared, themePrint: [String: Data])?
    /// The rendered pages (and sitemap) of the last good build.
    private var pages: [String: ByteBuffer] = [:]

    init(options: BuildOptions) {
        self.options = options
        self.assets = ThemeAssets(theme: options.theme)
    }

    /// A good build: the complete new site, and what changed since the previous good one.
    struct Result: Sendable {
        var files: [String: ByteBuffer]
        /// The booklet, made when first asked for.
        var generated: [String: GeneratedFile]
        /// Pages and generated files (sitemap, search index, booklet) added, changed or removed.
        var changedPages: [String]
        var changedAssets: Set<String>
        var renderedPages: Int
        var totalPages: Int
        var full: Bool
        var warnings: [Diagnostic]
        /// Asset links skipped because they lead outside the theme.
        var skippedLinks: [String]
        var seconds: Double
        /// Seconds spent in each step, in order (for the benchmark).
        var phases: [(name: String, seconds: Double)]

        /// `Rebuilt 7 of 125 pages in 23 ms`
        var summary: String {
            let milliseconds = Int((seconds * 1000).rounded())
            if full { return "Built \(totalPages) pages in \(milliseconds) ms" }
            return "Rebuilt \(renderedPages) of \(totalPages) pages in \(milliseconds) ms"
        }
    }

    enum Outcome: Sendable {
        case built(Result)
        case failed([Diagnostic])
    }

    func rebuild() -> Outcome {
        let start = DispatchTime.now()
        // Read before `prepare` loads the theme: an edit that lands in between is caught next time.
        let themePrint = ThemeFiles.fingerprint(of: options.theme)
        let prepared: SiteBuilder.Prepared
        let plan: RebuildPlan
        let sink = MemorySink()
        let rendered: Int
        var clock = PhaseClock()
        clock.next("Theme fingerprint")
        do {
            prepared = try SiteBuilder.prepare(options, progress: { clock.next($0) })
            clock.next("Planning")
            if let last, last.themePrint == themePrint {
                plan = RebuildPlanner.plan(from: last.prepared, to: prepared)
            } else {
                plan = RebuildPlanner.full(prepared, previous: last?.prepared)
            }
            clock.next("Rendering pages")
            rendered = try SiteBuilder.renderPages(prepared, only: plan.pages, into: sink)
            clock.next("Swapping in")
        } catch let failure as BuildFailure {
            return .failed(failure.diagnostics)
        } catch {
            return .failed([.error("the build failed: \(error)", at: nil)])
        }

        var newPages = plan.isFull ? [:] : pages
        for path in plan.removedPaths { newPages[path] = nil }
        for (path, text) in sink.files { newPages[path] = ByteBuffer(string: text) }
        if prepared.handbook.config.baseURL == nil { newPages[SitePaths.sitemap] = nil }
        let changedPages = Set(pages.keys).union(newPages.keys).filter { pages[$0] != newPages[$0] }.sorted()

        clock.next("Loading assets")
        let loadedAssets = assets.load()
        var files = newPages
        files.merge(loadedAssets.files) { page, _ in page }
        // Rendering the whole booklet would delay every reload, and few look at it while editing:
        // it is made on request, and counted as changed by every build.
        let themeDisplay = options.themeDisplay
        let booklet = GeneratedFile {
            try BookletBuilder.html(for: prepared, themeDisplay: themeDisplay).map { ByteBuffer(string: $0) }
        }

        pages = newPages
        last = (prepared, themePrint)
        clock.next(nil)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return .built(Result(files: files, generated: [BookletBuilder.htmlPath: booklet],
                             changedPages: changedPages + [BookletBuilder.htmlPath], changedAssets: loadedAssets.changed,
                             renderedPages: rendered, totalPages: plan.allPaths.count, full: plan.isFull,
                             warnings: prepared.diagnostics, skippedLinks: loadedAssets.skipped, seconds: seconds,
                             phases: clock.phases))
    }
}

/// Times the steps of a rebuild: each call ends the running step and starts the named one.
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []
    private var current: (name: String, start: UInt64)?

    mutating func next(_ name: String?) {
        let now = DispatchTime.now().uptimeNanoseconds
        if let current { phases.append((current.name, Double(now - current.start) / 1e9)) }
        current = name.map { ($0, now) }
    }
}
