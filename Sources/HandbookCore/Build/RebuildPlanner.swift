//! Which pages a content change can affect, so that a preview re-renders only those.
//!
//! Rather than guessing from which file changed, the planner compares, page by page, the parts of
//! the old and new model that `PageBuilder` reads for that page ("page inputs"). Equal inputs
//! under the same templates and config give byte-identical HTML, so skipping those pages is safe.
//! Keep `inputs(of:)` in step with `PageBuilder.context(for:)`: the preview tests compare an
//! incremental rebuild with a full build byte for byte to catch a missed input.

/// The pages to render again after a change, and the pages that no longer exist.
public struct RebuildPlan: Sendable {
    /// Pages of the new handbook to render; `nil` means every page.
    public var pages: Set<PageKind>?
    /// Site paths of the old build that the new one does not have (a tip renamed or removed).
    public var removedPaths: [String]
    /// Site paths of every page of the new handbook.
    public var allPaths: [String]

    public var isFull: Bool { pages == nil }
}

public enum RebuildPlanner {
    /// A plan that renders everything: the first build, or after a template or config change.
    public static func full(_ new: SiteBuilder.Prepared, previous old: SiteBuilder.Prepared? = nil) -> RebuildPlan {
        let paths = PageKind.all(for: new.handbook).map { $0.path(in: new.handbook) }
        let oldPaths = old.map { prepared in PageKind.all(for: prepared.handbook).map { $0.path(in: prepared.handbook) } } ?? []
        let kept = Set(paths)
        return RebuildPlan(pages: nil, removedPaths: oldPaths.filter { !kept.contains($0) }, allPaths: paths)
    }

    /// Compares the inputs of every page of `new` with those of the page at the same path in `old`.
    /// The caller must fall back to `full` when templates or theme strings changed; the planner
    /// itself falls back when the site-wide config or the stylesheet differ.
    public static func plan(from old: SiteBuilder.Prepared, to new: SiteBuilder.Prepared) -> RebuildPlan {
        // The stylesheet is not compared: only the 404 page inlines it, and that page is always rendered.
        guard ConfigKey(old.handbook.config) == ConfigKey(new.handbook.config), old.theme.strings == new.theme.strings else {
            return full(new, previous: old)
        }
        let before = Inputs(old)
        let after = Inputs(new)
        var oldByPath: [String: PageInputs] = [:]
        for page in PageKind.all(for: old.handbook) {
            oldByPath[page.path(in: old.handbook)] = before.inputs(of: page)
        }
        var selected = Set<PageKind>()
        var paths: [String] = []
        for page in PageKind.all(for: new.handbook) {
            let path = page.path(in: new.handbook)
            paths.append(path)
            let inputs = after.inputs(of: page)
            if inputs == .alwaysRender || oldByPath[path] != inputs { selected.insert(page) }
        }
        let kept = Set(paths)
        return RebuildPlan(pages: selected, removedPaths: oldByPath.keys.filter { !kept.contains($0) }.sorted(),
                           allPaths: paths)
    }
}

// MARK: - Page inputs

/// What one page shows, reduced to comparable values. Mirrors `PageBuilder`.
private enum PageInputs: Hashable {
    /// Index pages list everything, and 404 inlines the stylesheet: always rendered.
    case alwaysRender
    case tip(TipPageInputs)
    case chapter(ChapterPageInputs)
}

private struct TipSummaryKey: Hashable {
    var number: Int, title: String, slug: String, summary: String?, themes: [String]
    init(_ tip: Tip) {
        (number, title, slug, summary, themes) = (tip.number, tip.title, tip.slug, tip.summary, tip.themes)
    }
}

private struct ChapterSummaryKey: Hashable {
    var number: Int, title: String, slug: String, summary: String?, part: String?, tipCount: Int
}

private struct TipPageInputs: Hashable {
    var tip: TipSummaryKey
    var body: String
    var related: [TipSummaryKey]
    var hasRelated: Bool
    var referencedBy: [TipSummaryKey]?
    var chapter: ChapterSummaryKey?
    var flywheelStep: Int?
    var previous: TipSummaryKey?
    var next: TipSummaryKey?
}

private struct ChapterPageInputs: Hashable {
    var chapter: ChapterSummaryKey
    var intro: String
    var tips: [TipSummaryKey]
    var previous: ChapterSummaryKey?
    var next: ChapterSummaryKey?
}

/// The site-wide settings every page reads; a change to any of them re-renders the whole site.
private struct ConfigKey: Equatable {
    var title, language: String
    var subtitle, edition, introduction, baseURL: String?
    var introductionLine: Int
    var themes: [Theme]
    var flywheelSteps: [String]
    var unsafeHTML: Bool

    init(_ config: HandbookConfig) {
        (title, language, subtitle, edition) = (config.title, config.language, config.subtitle, config.edition)
        (introduction, baseURL, introductionLine) = (config.introduction, config.baseURL, config.introductionLine)
        (themes, flywheelSteps, unsafeHTML) = (config.themes, config.flywheelSteps, config.unsafeHTML)
    }
}

/// Computes page inputs for one prepared handbook.
private struct Inputs {
    let handbook: Handbook
    let content: RenderedContent

    init(_ prepared: SiteBuilder.Prepared) {
        handbook = prepared.handbook
        content = prepared.content
    }

    func inputs(of page: PageKind) -> PageInputs {
        switch page {
        // Theme pages list many tips, and the flywheel page every tip with a step: a few pages,
        // cheaper to render than to reason about.
        case .home, .allTips, .search, .myFive, .notFound, .theme: return .alwaysRender
        case .tip(let index): return .tip(tip(at: index))
        case .chapter(let index): return .chapter(chapter(at: index))
        }
    }

    private func tip(at index: Int) -> TipPageInputs {
        let tip = handbook.tips[index]
        let step = tip.flywheelStep.flatMap { $0 >= 1 && $0 <= handbook.config.flywheelSteps.count ? $0 : nil }
        return TipPageInputs(
            tip: TipSummaryKey(tip),
            body: content.tips[index].html,
            related: tip.related.compactMap(handbook.tip(number:)).map(TipSummaryKey.init),
            hasRelated: !tip.related.isEmpty,
            referencedBy: content.referencedBy[tip.number].map { $0.compactMap(handbook.tip(number:)).map(TipSummaryKey.init) },
            chapter: handbook.chapter(number: tip.chapter).map(chapterKey),
            flywheelStep: step,
            previous: index > 0 ? TipSummaryKey(handbook.tips[index - 1]) : nil,
            next: index + 1 < handbook.tips.count ? TipSummaryKey(handbook.tips[index + 1]) : nil)
    }

    private func chapter(at index: Int) -> ChapterPageInputs {
        let chapter = handbook.chapters[index]
        return ChapterPageInputs(
            chapter: chapterKey(chapter),
            intro: content.chapters[index].html,
            tips: handbook.tips(inChapter: chapter.number).map(TipSummaryKey.init),
            previous: index > 0 ? chapterKey(handbook.chapters[index - 1]) : nil,
            next: index + 1 < handbook.chapters.count ? chapterKey(handbook.chapters[index + 1]) : nil)
    }

    private func chapterKey(_ chapter: Chapter) -> ChapterSummaryKey {
        ChapterSummaryKey(number: chapter.number, title: chapter.title, slug: chapter.slug, summary: chapter.summary,
                          part: chapter.part, tipCount: handbook.tipsByChapter[chapter.number]?.count ?? 0)
    }
}
