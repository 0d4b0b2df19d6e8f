//! A rebuild from the last good build when the watcher names the tip files that changed: only
//! those are read, decoded, checked and rendered again (with the bodies that link to a retitled
//! tip), instead of looking at every file. Anything it cannot do exactly the way a full build
//! would falls back to `SiteBuilder.prepare`.

import Foundation

extension ContentCache {
    /// The last good build, with its validation.
    struct Base: Sendable {
        var prepared: SiteBuilder.Prepared
        var validation: ValidationState
        /// A renderer for bodies, made by an earlier rebuild from the changes (its link table
        /// costs as much as the rest of such a rebuild), for a handbook with this one's files.
        var renderer: MarkdownRenderer?
    }

    /// Call after a good build: the next build may start from `prepared`, with what this build's
    /// validation learnt (a build that did not validate in full keeps no base).
    public func keep(_ prepared: SiteBuilder.Prepared) {
        lock.withLock {
            base = validation.map { Base(prepared: prepared, validation: $0, renderer: renderer) }
            renderer = nil
        }
    }

    /// Call after a failed build: the files on disk are no longer those of the last good build.
    public func forgetBase() {
        lock.withLock { base = nil }
    }

    func keepValidation(_ state: ValidationState) {
        lock.withLock { validation = state }
    }

    /// Prepares the build after changes to the files at `paths` (absolute, as the watcher names
    /// them), from the last good build and without looking at any other file. Nil when that cannot
    /// be done exactly: no good build yet, a path that is not a known tip file (a new, removed or
    /// renamed file, a chapter, `handbook.yml`), symlinks in the content folder, or a change that
    /// reaches beyond the tips it touches (see `ValidationState.replaceTip`). The caller then runs
    /// `SiteBuilder.prepare`, which gives the same result the slow way.
    public func prepare(changed paths: Set<String>) -> ChangedTips? {
        guard !paths.isEmpty, let (old, kept, keptRenderer) = takeBase(), !kept.files.followsLinks else { return nil }
        var validation = kept
        var handbook = old.handbook
        var changes = ChangedTips(prepared: old, renderer: keptRenderer)
        var restructured = false
        for path in paths.sorted() {
            guard let index = validation.tipIndexByPath[path], Self.isPlainFile(path) else { return nil }
            let display = validation.files.tips[index].path
            guard case .success(let file) = reread(path: path, display: display) else { return nil }
            let decoded = tip(from: file)
            guard let new = validation.replaceTip(at: index, with: file, decoded: decoded),
                  let position = handbook.tipPosition(number: new.number) else { return nil }
            let previous = handbook.tips[position]
            if changes.oldTips[position] == nil { changes.oldTips[position] = previous }
            restructured = restructured || previous.chapter != new.chapter || previous.themes != new.themes
            handbook.tips[position] = new
        }
        if restructured {
            let before = old.handbook
            handbook = Handbook(config: handbook.config, chapters: handbook.chapters, tips: handbook.tips)
            // The validator warns of a theme without tips; whether one is, is left to a full build.
            for theme in handbook.themes
            where (before.tipsByTheme[theme.slug]?.isEmpty ?? true) != (handbook.tipsByTheme[theme.slug]?.isEmpty ?? true) {
                return nil
            }
        }
        guard let content = renderBodies(of: &changes, in: handbook, validation: validation) else { return nil }
        changes.prepared.handbook = handbook
        changes.prepared.content = content.content
        changes.prepared.diagnostics = Self.replacing(content.diagnosticsByFile, in: old.diagnostics)
        keepValidation(validation)
        lock.withLock { renderer = changes.renderer }
        return changes
    }

    // MARK: - Steps

    /// The base, taken out of the cache so that the validation's arrays have one owner and change
    /// in place (copying ten thousand tips costs more than the rest). A rebuild that cannot start
    /// from it leaves no base behind; the full build that follows makes one.
    private func takeBase() -> (SiteBuilder.Prepared, ValidationState, MarkdownRenderer?)? {
        lock.withLock {
            guard let taken = base else { return nil }
            base = nil
            return (taken.prepared, taken.validation, taken.renderer)
        }
    }

    /// Renders the changed tips' bodies again, and those of the tips that link to a tip whose title
    /// changed (an empty link shows it); returns the new content and the new diagnostics of every
    /// file rendered, or nil when a chapter or the introduction would show a new title, or a body
    /// has an error.
    private func renderBodies(of changes: inout ChangedTips, in handbook: Handbook, validation: ValidationState)
        -> (content: RenderedContent, diagnosticsByFile: [String: [Diagnostic]])? {
        let old = changes.prepared.content
        var positions = Set(changes.oldTips.keys)
        for (position, tip) in changes.oldTips where !Self.sameBytes(tip.title, handbook.tips[position].title) {
            let number = tip.number
            if old.introduction?.tipReferences.contains(number) == true
                || old.chapters.contains(where: { $0.tipReferences.contains(number) }) { return nil }
            for referrer in old.referencedBy[number] ?? [] {
                guard let at = handbook.tipPosition(number: referrer) else { return nil }
                positions.insert(at)
            }
        }
        let ordered = positions.sorted()
        // A kept renderer shows the titles it was made with: a retitled tip needs it pointed at the new handbook.
        let retitled = changes.oldTips.contains { !Self.sameBytes($1.title, handbook.tips[$0].title) }
        let destinations = SiteLinks(handbook: handbook, prefix: "../")
        let kept = retitled ? changes.renderer?.retargeted(to: handbook, destinations: destinations) : changes.renderer
        changes.renderer = kept
        let reuse = BodyReuse(cache: self, handbook: handbook, world: BodyReuse.world(of: handbook))
        let results = ConcurrentResults<(RenderedMarkdown, [Diagnostic])>(count: ordered.count)
        let bodies = ordered.map { (text: handbook.tips[$0].body, source: handbook.tips[$0].source) }
        let missing = reuse.fill(results, with: bodies)
        if !missing.isEmpty {
            let renderer = kept ?? MarkdownRenderer(handbook: handbook, destinations: destinations)
            changes.renderer = renderer
            DispatchQueue.concurrentPerform(iterations: missing.count) { slot in
                let body = bodies[missing[slot]]
                let result = renderer.render(body.text, source: body.source, anchorPrefix: nil)
                reuse.remember(result, of: body.text, source: body.source)
                results[missing[slot]] = result
            }
        }
        var content = old
        var diagnostics: [String: [Diagnostic]] = [:]
        for (slot, position) in ordered.enumerated() {
            let (rendered, problems) = results[slot]!
            let tip = handbook.tips[position]
            guard !problems.hasErrors, let index = validation.tipIndexByFile[tip.source.file],
                  let checked = validation.diagnostics(ofTipAt: index) else { return nil }
            diagnostics[tip.source.file] = checked + problems
            changes.oldReferences[position] = content.tips[position].tipReferences
            Self.moveReferences(of: tip.number, from: content.tips[position].tipReferences, to: rendered.tipReferences,
                                in: &content.referencedBy)
            content.tips[position] = rendered
        }
        changes.rerendered = ordered
        return (content, diagnostics)
    }

    /// "Referenced by" after the body of tip `number` went from linking to `old` to `new`: each
    /// list holds the linking tips in number order, as `ContentRenderer` makes it.
    private static func moveReferences(of number: Int, from old: [Int], to new: [Int], in referencedBy: inout [Int: [Int]]) {
        guard old != new else { return }
        for target in old where target != number {
            referencedBy[target]?.removeAll { $0 == number }
            if referencedBy[target]?.isEmpty == true { referencedBy[target] = nil }
        }
        for target in new where target != number {
            var list = referencedBy[target] ?? []
            list.insert(number, at: list.firstIndex { $0 > number } ?? list.count)
            referencedBy[target] = list
        }
    }

    /// `sorted` (sorted by location) with the diagnostics of each file in `groups` replaced by the
    /// group. Within a file the group keeps a full build's order (decoding, references, Markdown),
    /// and the sort is stable, so the result is what a full build reports.
    static func replacing(_ groups: [String: [Diagnostic]], in sorted: [Diagnostic]) -> [Diagnostic] {
        let kept = sorted.filter { diagnostic in diagnostic.location.map { groups[$0.file] == nil } ?? true }
        let added = groups.keys.sorted().flatMap { groups[$0]! }
        return added.isEmpty && kept.count == sorted.count ? sorted : (kept + added).sortedByLocation()
    }

    /// A regular file, not a symlink (whose target's changes the watcher would not report).
    private static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}

/// A build prepared from the last good one after some tips changed, with what the planner needs to
/// fingerprint only the pages those tips can reach.
public struct ChangedTips: Sendable {
    public internal(set) var prepared: SiteBuilder.Prepared
    /// Positions (the same in both builds: no tip was added, removed or renumbered) of the tips
    /// whose files changed, with the tips as they were.
    var oldTips: [Int: Tip] = [:]
    /// Positions of the tips whose bodies were rendered again, with the tips their bodies linked
    /// to before.
    var rerendered: [Int] = []
    var oldReferences: [Int: [Int]] = [:]
    /// A renderer that shows the tips as they are now, when one was kept or made.
    var renderer: MarkdownRenderer?

    init(prepared: SiteBuilder.Prepared, renderer: MarkdownRenderer?) {
        self.prepared = prepared
        self.renderer = renderer
    }
}
