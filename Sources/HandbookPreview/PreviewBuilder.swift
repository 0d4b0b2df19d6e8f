//! Builds the site into memory and rebuilds it after a change, rendering only the pages whose
//! template context changed (see `RebuildPlanner`). When the watcher names the tip files that
//! changed, the rebuild starts from the last good build and reads, checks and renders only those
//! (see `ContentCache+Changes`). Otherwise every file is looked at and the handbook is validated
//! whole, but files whose stamp did not change are not read or decoded again, and bodies are not
//! rendered again while their text and their links' targets stayed the same (see `ContentCache`). The theme is parsed again only when
//! its files changed, and the booklet and search index are made when first asked for, so neither
//! delays a reload.

import Foundation
import HandbookCore
import NIOCore

/// Runs one rebuild at a time (the preview calls it from a single task).
final class PreviewBuilder: @unchecked Sendable {
    let options: BuildOptions
    private var assets: ThemeAssets
    /// The theme as last parsed, with its files' fingerprint and the handbook's language.
    private var theme: (print: [String: Data], language: String, loaded: (SiteTheme?, [Diagnostic]))?
    /// The last good build: its theme's fingerprint, its pages' fingerprints, and its rendered
    /// pages (and sitemap).
    private var goodThemePrint: [String: Data]?
    private(set) var fingerprints: PageFingerprints?
    private var pages: [String: ByteBuffer] = [:]
    /// List pages of the last good build rendered after it was swapped in, not yet in `pages`.
    private var deferred: DeferredPages?
    /// Incremental rebuilds of handbooks of at least this many tips render the list pages after
    /// the reload (see `DeferredPages`).
    var deferListPagesFrom = 1000
    /// Content files as read and decoded, and bodies as rendered, by earlier builds.
    private let cache = ContentCache()
    /// What the latest build read, decoded and rendered itself (for tests and the benchmark).
    private(set) var lastCounts = ContentCache.Counts()

    init(options: BuildOptions) {
        self.options = options
        self.assets = ThemeAssets(theme: options.theme)
    }

    /// A good build: the complete new site, and what changed since the previous good one.
    struct Result: Sendable {
        var files: [String: ByteBuffer]
        /// The booklet and the search index, made when first asked for.
        var generated: [GeneratedFiles]
        /// Pages, the sitemap and the booklet (always counted: it is made later) that were added,
        /// changed or removed.
        var changedPages: [String]
        var changedAssets: Set<String>
        var renderedPages: Int
        var totalPages: Int
        var full: Bool
        /// The build started from the previous one and looked only at the files the watcher named.
        var fromChanges: Bool
        var warnings: [Diagnostic]
        /// Asset links skipped because they lead outside the theme.
        var skippedLinks: [String]
        var seconds: Double
        /// Seconds spent in each step, in order (for the benchmark).
        var phases: [(name: String, seconds: Double)]
        /// List pages in `generated`, to render once the reload event is out.
        var deferred: DeferredPages?

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

    /// Builds the site again. `changed` names every file that changed since the previous build
    /// (absolute paths, as the watcher reports them), when the watcher can be sure of that: a
    /// change to tips only then starts from the previous build instead of looking at every file.
    func rebuild(changed: Set<String>? = nil) -> Outcome {
        let start = DispatchTime.now()
        var clock = PhaseClock()
        // Read before the theme is loaded: an edit that lands in between is caught next time.
        clock.next("Theme fingerprint")
        let themePrint = ThemeFiles.fingerprint(of: options.theme)
        // `SiteTheme` also reads the stylesheet (the 404 page inlines it); a stylesheet change must
        // load the theme again, but need not render every page.
        var themeKey = themePrint
        themeKey["assets/handbook.css"] = ThemeFiles.contents(atPath: options.theme.appendingPathComponent("assets/handbook.css").path)
        let themeUnchanged = theme?.print == themeKey
        let prepared: SiteBuilder.Prepared
        let plan: RebuildPlan
        let newFingerprints: PageFingerprints
        let sink = MemorySink()
        let rendered: Int
        var fromChanges = false
        var later: Set<PageKind> = []
        cache.beginBuild()
        defer { lastCounts = cache.endBuild() }
        if let deferred {
            clock.next("Waiting for list pages")
            self.deferred = nil
            if let made = deferred.rendered() {
                for path in deferred.paths { pages[path] = made[path] }
            } else {
                fingerprints = nil // which pages are missing is not known: render every one
            }
        }
        do {
            clock.next("Loading changed tips")
            if let changed, themeUnchanged, goodThemePrint == themePrint, fingerprints != nil,
               let changes = cache.prepare(changed: changed) {
                prepared = changes.prepared
                fromChanges = true
                clock.next("Planning")
                // Handed over, so that the planner patches them in place (a failed build renders every page next).
                (plan, newFingerprints) = RebuildPlanner.plan(changes, since: fingerprints.take()!)
            } else {
                prepared = try SiteBuilder.prepare(options, loadTheme: { [self] language in
                    if themeUnchanged, let theme, theme.language == language { return theme.loaded }
                    let loaded = SiteTheme.load(from: options.theme, displayPath: options.themeDisplay, language: language)
                    theme = (themeKey, language, loaded)
                    return loaded
                }, cache: cache, progress: { clock.next($0) })
                clock.next("Planning")
                // New templates render every page anew, even where the contexts stayed the same.
                (plan, newFingerprints) = RebuildPlanner.plan(prepared, since: goodThemePrint == themePrint ? fingerprints : nil)
            }
            clock.next("Rendering pages")
            var now = plan.pages
            if let selected = plan.pages {
                (now, later) = DeferredPages.split(selected, of: prepared.handbook, minimumTips: deferListPagesFrom)
            }
            rendered = try SiteBuilder.renderPages(prepared, only: now, searchFiles: false, into: sink) + later.count
        } catch let failure as BuildFailure {
            cache.forgetBase()
            return .failed(failure.diagnostics)
        } catch {
            cache.forgetBase()
            return .failed([.error("the build failed: \(error)", at: nil)])
        }
        cache.keep(prepared)

        clock.next("Swapping in")
        let postponed = DeferredPages(later, of: prepared)
        let (newPages, changedPages) = swapIn(sink.files, plan: plan, deferred: postponed?.paths ?? [],
                                              keepsSitemap: prepared.handbook.config.baseURL != nil)

        clock.next("Loading assets")
        let loadedAssets = assets.load()
        var files = newPages
        files.merge(loadedAssets.files) { page, _ in page }
        pages = newPages
        deferred = postponed
        fingerprints = newFingerprints
        goodThemePrint = themePrint
        clock.next(nil)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let generated = (postponed.map { [$0.files] } ?? []) + generatedFiles(prepared, besides: files)
        return .built(Result(files: files, generated: generated,
                             changedPages: changedPages + [BookletBuilder.htmlPath], changedAssets: loadedAssets.changed,
                             renderedPages: rendered, totalPages: plan.allPaths.count, full: plan.isFull, fromChanges: fromChanges,
                             warnings: prepared.diagnostics, skippedLinks: loadedAssets.skipped, seconds: seconds,
                             phases: clock.phases, deferred: postponed))
    }

    /// The new pages and the paths that changed. An incremental build looks only at the pages it
    /// rendered or removed: comparing every page of a large handbook would cost more than the
    /// rendering did. `deferred` pages, not rendered yet, are left out and count as changed.
    private func swapIn(_ rendered: [String: String], plan: RebuildPlan, deferred: Set<String>,
                        keepsSitemap: Bool) -> (pages: [String: ByteBuffer], changed: [String]) {
        guard !plan.isFull else {
            var newPages = rendered.mapValues { ByteBuffer(string: $0) }
            if !keepsSitemap { newPages[SitePaths.sitemap] = nil }
            let changed = Set(pages.keys).union(newPages.keys).filter { pages[$0] != newPages[$0] }.sorted()
            return (newPages, changed)
        }
        var newPages = pages
        // The only reference left, so the dictionary is changed in place rather than copied.
        pages = [:]
        var changed: [String] = []
        for path in plan.removedPaths where newPages.removeValue(forKey: path) != nil { changed.append(path) }
        for (path, text) in rendered {
            let bytes = ByteBuffer(string: text)
            if newPages.updateValue(bytes, forKey: path) != bytes { changed.append(path) }
        }
        for path in deferred {
            newPages[path] = nil
            changed.append(path)
        }
        if !keepsSitemap, newPages.removeValue(forKey: SitePaths.sitemap) != nil { changed.append(SitePaths.sitemap) }
        return (newPages, changed.sorted())
    }

    /// The files `handbook build` writes besides the pages, made on request: the booklet, and the
    /// search index (scripts under `assets/` that the theme does not have).
    private func generatedFiles(_ prepared: SiteBuilder.Prepared, besides files: [String: ByteBuffer]) -> [GeneratedFiles] {
        let themeDisplay = options.themeDisplay
        let booklet = GeneratedFiles(covers: { $0 == BookletBuilder.htmlPath }, make: {
            guard let html = try BookletBuilder.html(for: prepared, themeDisplay: themeDisplay) else { return [:] }
            return [BookletBuilder.htmlPath: ByteBuffer(string: html)]
        })
        let search = GeneratedFiles(covers: { $0.hasPrefix(SitePaths.assets) && $0.hasSuffix(".js") }, make: {
            let sink = MemorySink()
            try SiteBuilder.writeSearchFiles(prepared, into: sink)
            return sink.files.mapValues { ByteBuffer(string: $0) }
        })
        return [booklet, search]
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
