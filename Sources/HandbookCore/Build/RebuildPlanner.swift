//! Which pages a change can affect, so that a preview re-renders only those.
//!
//! A page's HTML is its template rendered with its context, so the planner fingerprints what goes
//! into each page's context; a page whose fingerprint equals that of the page at the same path in
//! the previous build would render to the same bytes, and is skipped. Pages are fingerprinted from
//! the model (`PageInputs`), which costs a few hashes a page; only the small pages (search, my
//! five, 404) have their real contexts built and walked. A tip or chapter page's body is compared
//! as its bytes, which costs nothing when the preview reused the rendered body. The caller renders
//! everything when the templates themselves changed.

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
    var byPath: [String: PagePrint]
    /// Every page of the build and its site path, in `PageKind.all` order.
    var pages: [PageKind]
    var paths: [String]
    /// What each tip's summary hashes to, by position (see `PageInputs`).
    var tipSummaries: [Int]
    /// Tip number → positions of the tips that list it as related, whose pages show its summary.
    var relatedBy: [Int: [Int]]
}

/// One page's fingerprint: a hash of its inputs, and the rendered body it shows, if any. Two equal
/// bodies are usually one array, which `==` sees at once; a body rendered anew is compared whole.
struct PagePrint: Equatable, Sendable {
    var inputs: Int
    var body: [UInt8]?

    static func == (a: PagePrint, b: PagePrint) -> Bool {
        guard a.inputs == b.inputs else { return false }
        switch (a.body, b.body) {
        case (nil, nil): return true
        case let (x?, y?): return x == y
        default: return false
        }
    }
}

public enum RebuildPlanner {
    /// Plans the rebuild of `new` against the fingerprints of the previous build; `since: nil`
    /// (the first build, or templates changed) renders every page. Returns the fingerprints of
    /// `new` for the next call.
    public static func plan(_ new: SiteBuilder.Prepared, since old: PageFingerprints?) -> (RebuildPlan, PageFingerprints) {
        let handbook = new.handbook
        let pages = PageKind.all(for: handbook)
        let paths = pages.map { $0.path(in: handbook) }
        let inputs = PageInputs(new)
        let prints = ConcurrentResults<PagePrint>(count: pages.count)
        // In slices: one page costs too little to be worth a task of its own.
        let sliceSize = 256
        DispatchQueue.concurrentPerform(iterations: (pages.count + sliceSize - 1) / sliceSize) { slice in
            for index in slice * sliceSize..<min(pages.count, (slice + 1) * sliceSize) {
                prints[index] = inputs.print(of: pages[index])
            }
        }
        var relatedBy: [Int: [Int]] = [:]
        for (position, tip) in handbook.tips.enumerated() {
            for number in tip.related { relatedBy[number, default: []].append(position) }
        }
        let fingerprints = PageFingerprints(byPath: Dictionary(zip(paths, prints.takeValues()), uniquingKeysWith: { $1 }),
                                            pages: pages, paths: paths, tipSummaries: inputs.tipSummaries, relatedBy: relatedBy)
        guard let old else {
            return (RebuildPlan(pages: nil, removedPaths: [], allPaths: paths), fingerprints)
        }
        let removed = old.byPath.keys.filter { fingerprints.byPath[$0] == nil }.sorted()
        let changed = pages.indices.filter { old.byPath[paths[$0]] != fingerprints.byPath[paths[$0]] }
        return (RebuildPlan(pages: Set(changed.map { pages[$0] }), removedPaths: removed, allPaths: paths), fingerprints)
    }
}

/// What each page shows, read from the model. Mirrors `PageBuilder` (and its flywheel and search
/// parts); the preview tests compare incremental rebuilds with full builds byte for byte to catch
/// an input missed here.
struct PageInputs: Sendable {
    let handbook: Handbook
    let content: RenderedContent
    let builder: PageBuilder
    /// Everything site-wide: the whole config (whatever fields it grows) and the theme's words.
    let siteWide: Int
    /// What `PageBuilder.tipSummary` shows of each tip, by position.
    let tipSummaries: [Int]
    /// What `PageBuilder.chapterSummary` shows of each chapter, by position.
    let chapterSummaries: [Int]
    let chapterPositions: [Int: Int]

    /// `tipSummaries`, when given, are those of `prepared`'s tips (kept from the previous build,
    /// with the changed tips' made anew).
    init(_ prepared: SiteBuilder.Prepared, tipSummaries known: [Int]? = nil) {
        let handbook = prepared.handbook
        self.handbook = handbook
        content = prepared.content
        builder = PageBuilder(handbook: handbook, content: prepared.content, strings: prepared.theme.strings,
                              inlineStylesheet: prepared.theme.stylesheet, hasBooklet: prepared.theme.hasBooklet)
        var hasher = Hasher()
        hasher.combineBytes(of: String(reflecting: handbook.config))
        ContextFingerprint.feed(.object(TemplateObject(prepared.theme.strings.mapValues(TemplateValue.string))), into: &hasher)
        siteWide = hasher.finalize()
        chapterSummaries = handbook.chapters.map { Self.summary(of: $0, tipCount: handbook.tipsByChapter[$0.number]?.count ?? 0) }
        chapterPositions = Dictionary(handbook.chapters.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        if let known {
            tipSummaries = known
            return
        }
        let tips = ConcurrentResults<Int>(count: handbook.tips.count)
        let sliceSize = 512
        DispatchQueue.concurrentPerform(iterations: (handbook.tips.count + sliceSize - 1) / sliceSize) { slice in
            for index in slice * sliceSize..<min(handbook.tips.count, (slice + 1) * sliceSize) {
                tips[index] = Self.summary(of: handbook.tips[index])
            }
        }
        tipSummaries = tips.takeValues()
    }

    func print(of page: PageKind) -> PagePrint {
        var hasher = Hasher()
        hasher.combine(page.template)
        hasher.combine(siteWide)
        var body: [UInt8]?
        switch page {
        case .tip(let position):
            feedTip(at: position, into: &hasher)
            body = content.tips[position].htmlUTF8
        case .chapter(let position):
            feedChapter(at: position, into: &hasher)
            body = content.chapters[position].htmlUTF8
        case .home:
            feedHome(into: &hasher)
        case .allTips:
            hasher.combine(tipSummaries.count)
            for summary in tipSummaries { hasher.combine(summary) }
        case .theme(let position):
            feedTheme(at: position, into: &hasher)
        case .search, .myFive, .notFound:
            // Small pages: their real contexts are cheap.
            ContextFingerprint.feed(builder.context(for: page), into: &hasher)
        }
        return PagePrint(inputs: hasher.finalize(), body: body)
    }

    // MARK: - Pages

    private func feedTip(at position: Int, into hasher: inout Hasher) {
        let tip = handbook.tips[position]
        hasher.combine(tipSummaries[position])
        hasher.combine(tip.chapter)
        hasher.combine(tip.flywheelStep)
        hasher.combine(tip.draft)
        hasher.combine(tip.related)
        feedTips(tip.related, into: &hasher)
        let referencedBy = content.referencedBy[tip.number]
        hasher.combine(referencedBy != nil)
        feedTips(referencedBy ?? [], into: &hasher)
        feedChapter(number: tip.chapter, into: &hasher)
        hasher.combine(position > 0 ? tipSummaries[position - 1] : 0)
        hasher.combine(position + 1 < tipSummaries.count ? tipSummaries[position + 1] : 0)
    }

    private func feedChapter(at position: Int, into hasher: inout Hasher) {
        hasher.combine(chapterSummaries[position])
        let tips = handbook.tipsByChapter[handbook.chapters[position].number] ?? []
        hasher.combine(tips.count)
        for tip in tips { hasher.combine(tipSummaries[tip]) }
        hasher.combine(position > 0 ? chapterSummaries[position - 1] : 0)
        hasher.combine(position + 1 < chapterSummaries.count ? chapterSummaries[position + 1] : 0)
    }

    /// The chapters (with their parts and tip counts), the themes' tip counts and the introduction.
    private func feedHome(into hasher: inout Hasher) {
        hasher.combine(handbook.tips.count)
        hasher.combine(chapterSummaries)
        for theme in handbook.themes { hasher.combine(handbook.tipsByTheme[theme.slug]?.count ?? 0) }
        hasher.combineBytes(of: content.introduction?.htmlUTF8)
    }

    /// The theme's tips grouped by chapter, and on the flywheel's page the tips of each step. The
    /// tips go in in number order with their chapters, which fixes the order the page sorts them in.
    private func feedTheme(at position: Int, into hasher: inout Hasher) {
        let theme = handbook.themes[position]
        hasher.combine(position)
        let tips = handbook.tipsByTheme[theme.slug] ?? []
        hasher.combine(tips.count)
        for tip in tips {
            let chapter = handbook.tips[tip].chapter
            hasher.combine(tipSummaries[tip])
            hasher.combine(chapter)
            feedChapter(number: chapter, into: &hasher)
        }
        guard theme.slug == PageBuilder.flywheelTheme, !handbook.config.flywheelSteps.isEmpty else { return }
        for (index, tip) in handbook.tips.enumerated() {
            guard let step = tip.flywheelStep else { continue }
            hasher.combine(step)
            hasher.combine(tipSummaries[index])
        }
    }

    // MARK: - Pieces

    /// Tips by number, as the page lists them (numbers that name no tip are left out).
    private func feedTips(_ numbers: [Int], into hasher: inout Hasher) {
        for number in numbers {
            hasher.combine(handbook.tipPosition(number: number).map { tipSummaries[$0] } ?? 0)
        }
    }

    private func feedChapter(number: Int, into hasher: inout Hasher) {
        hasher.combine(chapterPositions[number].map { chapterSummaries[$0] } ?? 0)
    }

    static func summary(of tip: Tip) -> Int {
        var hasher = Hasher()
        hasher.combine(tip.number)
        hasher.combineBytes(of: tip.title)
        hasher.combineBytes(of: tip.slug)
        hasher.combineBytes(of: tip.summary)
        hasher.combine(tip.themes.count)
        for slug in tip.themes { hasher.combineBytes(of: slug) }
        return hasher.finalize()
    }

    private static func summary(of chapter: Chapter, tipCount: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(chapter.number)
        hasher.combineBytes(of: chapter.title)
        hasher.combineBytes(of: chapter.slug)
        hasher.combineBytes(of: chapter.summary)
        hasher.combineBytes(of: chapter.part)
        hasher.combine(tipCount)
        return hasher.finalize()
    }
}

/// Feeds a Mustache context into a hasher: every value with its type, dictionaries in key order,
/// and strings as their UTF-8 bytes (two spellings of "é" print different bytes, so they must differ).
/// Within one process, different contexts collide with odds of about 2^-64 per page.
enum ContextFingerprint {
    static func feed(_ value: TemplateValue, into hasher: inout Hasher) {
        switch value {
        case .string(let text):
            hasher.combine(1 as UInt8)
            hasher.combineBytes(of: text)
        case .utf8(let bytes):
            hasher.combine(1 as UInt8)
            hasher.combineBytes(of: bytes)
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
        text.withUTF8 { combinePresent(UnsafeRawBufferPointer($0)) }
    }

    /// UTF-8 text kept as bytes, fed exactly as `combineBytes(of: String?)` feeds the same text.
    mutating func combineBytes(of bytes: [UInt8]?) {
        guard let bytes else { return combine(0 as UInt8) }
        bytes.withUnsafeBytes { combinePresent($0) }
    }

    private mutating func combinePresent(_ bytes: UnsafeRawBufferPointer) {
        combine(1 as UInt8)
        combine(bytes: bytes)
        combine(bytes.count)
    }
}
