//! Which pages a change can affect, so that a preview re-renders only those.
//!
//! A page's HTML is its template rendered with its context, so the planner fingerprints what goes
//! into each page's context; a page whose fingerprint equals that of the page at the same path in
//! the previous build would render to the same bytes, and is skipped. The few index pages (home,
//! all tips, themes, search, 404) have their real contexts built and fingerprinted, so nothing is
//! missed there. The many tip and chapter pages are fingerprinted from the model (`PageInputs`),
//! which is much cheaper. The caller renders everything when the templates themselves changed.

import Foundation

/// The pages to render again after a change, and the pages that no longer exist.
public struct RebuildPlan: Sendable {
    /// Pages of the new handbook to render; `nil` means every page.
    public var pages: Set<PageKind>?
    /// Site paths of the previous build that the new one does not have (a tip renamed or removed).
    public var removedPaths: [String]
    /// Site paths of every page of the new handbook.
    public var allPaths: [String]

    public var isFull: Bool { pages == nil }
}

/// A fingerprint of every page's template context in one build, by site path.
public struct PageFingerprints: Sendable {
    fileprivate var byPath: [String: Int]
}

public enum RebuildPlanner {
    /// Plans the rebuild of `new` against the fingerprints of the previous build; `since: nil`
    /// (the first build, or templates changed) renders every page. Returns the fingerprints of
    /// `new` for the next call.
    public static func plan(_ new: SiteBuilder.Prepared, since old: PageFingerprints?) -> (RebuildPlan, PageFingerprints) {
        let handbook = new.handbook
        let pages = PageKind.all(for: handbook)
        let paths = pages.map { $0.path(in: handbook) }
        let builder = PageBuilder(handbook: handbook, content: new.content, strings: new.theme.strings,
                                  inlineStylesheet: new.theme.stylesheet)
        let inputs = PageInputs(new)
        let prints = ConcurrentResults<Int>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            var hasher = Hasher()
            hasher.combine(pages[index].template)
            switch pages[index] {
            case .tip(let position):
                // Thousands of these: their inputs are taken from the model, which is much
                // cheaper than building and walking their contexts.
                inputs.feedTip(at: position, into: &hasher)
            case .chapter(let position):
                inputs.feedChapter(at: position, into: &hasher)
            default:
                ContextFingerprint.feed(builder.context(for: pages[index]), into: &hasher)
            }
            prints[index] = hasher.finalize()
        }
        let fingerprints = PageFingerprints(byPath: Dictionary(zip(paths, prints.values), uniquingKeysWith: { $1 }))
        let kept = Set(paths)
        let removed = (old?.byPath.keys).map { $0.filter { !kept.contains($0) }.sorted() } ?? []
        guard let old else {
            return (RebuildPlan(pages: nil, removedPaths: removed, allPaths: paths), fingerprints)
        }
        let changed = pages.indices.filter { old.byPath[paths[$0]] != fingerprints.byPath[paths[$0]] }
        return (RebuildPlan(pages: Set(changed.map { pages[$0] }), removedPaths: removed, allPaths: paths), fingerprints)
    }
}

/// What tip and chapter pages show, read from the model. Mirrors `PageBuilder.tip(at:)` and
/// `chapter(at:)` plus the parts every page shares; the preview tests compare incremental
/// rebuilds with full builds byte for byte to catch an input missed here.
private struct PageInputs {
    let handbook: Handbook
    let content: RenderedContent
    /// Everything site-wide: the whole config (whatever fields it grows) and the theme's words.
    let siteWide: Int

    init(_ prepared: SiteBuilder.Prepared) {
        handbook = prepared.handbook
        content = prepared.content
        var hasher = Hasher()
        hasher.combineBytes(of: String(reflecting: prepared.handbook.config))
        ContextFingerprint.feed(prepared.theme.strings, into: &hasher)
        siteWide = hasher.finalize()
    }

    func feedTip(at index: Int, into hasher: inout Hasher) {
        let tip = handbook.tips[index]
        hasher.combine(siteWide)
        // The tip itself (`String(reflecting:)` would catch new fields too, but costs 0.2 ms a tip).
        feed(tip, into: &hasher)
        hasher.combine(tip.chapter)
        hasher.combine(tip.related)
        hasher.combine(tip.flywheelStep)
        hasher.combine(tip.draft)
        hasher.combineBytes(of: content.tips[index].html)
        feed(tip.related.compactMap(handbook.tip(number:)), into: &hasher)
        hasher.combine(content.referencedBy[tip.number] != nil)
        feed((content.referencedBy[tip.number] ?? []).compactMap(handbook.tip(number:)), into: &hasher)
        feed(handbook.chapter(number: tip.chapter), into: &hasher)
        feed(index > 0 ? handbook.tips[index - 1] : nil, into: &hasher)
        feed(index + 1 < handbook.tips.count ? handbook.tips[index + 1] : nil, into: &hasher)
    }

    func feedChapter(at index: Int, into hasher: inout Hasher) {
        let chapter = handbook.chapters[index]
        hasher.combine(siteWide)
        feed(chapter, into: &hasher)
        hasher.combineBytes(of: content.chapters[index].html)
        feed(handbook.tips(inChapter: chapter.number), into: &hasher)
        feed(index > 0 ? handbook.chapters[index - 1] : nil, into: &hasher)
        feed(index + 1 < handbook.chapters.count ? handbook.chapters[index + 1] : nil, into: &hasher)
    }

    /// What `PageBuilder.tipSummary` shows of a tip.
    private func feed(_ tips: [Tip], into hasher: inout Hasher) {
        hasher.combine(tips.count)
        for tip in tips { feed(tip, into: &hasher) }
    }

    private func feed(_ tip: Tip?, into hasher: inout Hasher) {
        guard let tip else { return hasher.combine(0 as UInt8) }
        hasher.combine(1 as UInt8)
        hasher.combine(tip.number)
        hasher.combineBytes(of: tip.title)
        hasher.combineBytes(of: tip.slug)
        hasher.combineBytes(of: tip.summary)
        hasher.combine(tip.themes.count)
        for slug in tip.themes { hasher.combineBytes(of: slug) }
    }

    /// What `PageBuilder.chapterSummary` shows of a chapter.
    private func feed(_ chapter: Chapter?, into hasher: inout Hasher) {
        guard let chapter else { return hasher.combine(0 as UInt8) }
        hasher.combine(1 as UInt8)
        hasher.combine(chapter.number)
        hasher.combineBytes(of: chapter.title)
        hasher.combineBytes(of: chapter.slug)
        hasher.combineBytes(of: chapter.summary)
        hasher.combineBytes(of: chapter.part)
        hasher.combine(handbook.tipsByChapter[chapter.number]?.count ?? 0)
    }
}

/// Feeds a Mustache context into a hasher: every value with its type, dictionaries in key order,
/// and strings as their UTF-8 bytes (two spellings of "é" print different bytes, so they must differ).
/// Within one process, different contexts collide with odds of about 2^-64 per page.
enum ContextFingerprint {
    static func feed(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let template as TemplateValue:
            feed(template, into: &hasher)
        case let text as String:
            hasher.combine(1 as UInt8)
            hasher.combineBytes(of: text)
        case let flag as Bool:
            hasher.combine(2 as UInt8)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(3 as UInt8)
            hasher.combine(number)
        case let strings as [String: String]:
            hasher.combine(4 as UInt8)
            hasher.combine(strings.count)
            for key in strings.keys.sorted() {
                hasher.combineBytes(of: key)
                hasher.combineBytes(of: strings[key]!)
            }
        case let map as [String: Any]:
            hasher.combine(4 as UInt8)
            hasher.combine(map.count)
            for key in map.keys.sorted() {
                hasher.combineBytes(of: key)
                feed(map[key]!, into: &hasher)
            }
        case let list as [Any]:
            hasher.combine(5 as UInt8)
            hasher.combine(list.count)
            for element in list { feed(element, into: &hasher) }
        case let number as Double:
            hasher.combine(6 as UInt8)
            hasher.combine(number.bitPattern)
        default:
            // Any other value: its type and its full description.
            hasher.combine(7 as UInt8)
            hasher.combineBytes(of: String(reflecting: type(of: value)) + String(reflecting: value))
        }
    }
}

extension ContextFingerprint {
    /// A typed context, as `PageBuilder` makes them, fed the way its `Any` form would be.
    static func feed(_ value: TemplateValue, into hasher: inout Hasher) {
        switch value {
        case .string(let text):
            hasher.combine(1 as UInt8)
            hasher.combineBytes(of: text)
        case .bool(let flag):
            hasher.combine(2 as UInt8)
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(3 as UInt8)
            hasher.combine(number)
        case .object(let fields):
            hasher.combine(4 as UInt8)
            hasher.combine(fields.count)
            for key in fields.keys.sorted() {
                hasher.combineBytes(of: key)
                feed(fields[key]!, into: &hasher)
            }
        case .list(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .null:
            hasher.combine(8 as UInt8)
        }
    }
}

extension Hasher {
    /// A string as its UTF-8 bytes. `combine(String)` treats canonically equal strings ("é" and
    /// "e" + accent) as equal, but they print different bytes, so a page with either must differ.
    mutating func combineBytes(of text: String?) {
        guard var text else { return combine(0 as UInt8) }
        combine(1 as UInt8)
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(text.utf8.count)
    }
}
