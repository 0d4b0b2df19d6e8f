//! Rendered Markdown bodies kept between builds of the site, reused while the body and everything
//! its links show are unchanged.

import Foundation

extension ContentCache {
    /// A body as an earlier build rendered it, with what that output depended on.
    struct CachedBody {
        var text: String
        var firstLine: Int
        var unsafeHTML: Bool
        /// The body may link to a chapter, a theme or a content file, or may hide a link's
        /// address in an entity or escape; it is then rendered again whenever a chapter or theme
        /// is added, removed, renumbered, renamed or retitled.
        var linksBeyondTips: Bool
        /// `BodyReuse.world` when it was rendered.
        var world: Int
        /// The tips it links to, as they were then.
        var linkedTips: [LinkedTip]
        var rendered: RenderedMarkdown
        /// Warnings only: a body with errors is not kept (their hints describe the whole handbook).
        var warnings: [Diagnostic]
        var used: Int
    }

    /// What a link to a tip shows: the title fills an empty link's text, the slug makes the URL,
    /// and the file is what a relative `.md` link names.
    struct LinkedTip {
        var number: Int
        var title: String
        var slug: String
        var file: String
    }

    /// Reuse of rendered bodies for one build of the site from `handbook`.
    func bodies(for handbook: Handbook) -> BodyReuse {
        lock.withLock { renderedThisBuild = true }
        return BodyReuse(cache: self, handbook: handbook, world: BodyReuse.world(of: handbook))
    }

    /// The entries of `files` that `isCurrent` accepts (nil for the others), marked as used.
    fileprivate func lookUp(_ files: [String], isCurrent: (CachedBody, Int) -> Bool) -> [CachedBody?] {
        lock.withLock {
            files.enumerated().map { index, file in
                guard let cached = bodies[file], isCurrent(cached, index) else { return nil }
                if cached.used != generation {
                    bodies[file]!.used = generation
                    bodiesUsed += 1
                }
                return cached
            }
        }
    }

    fileprivate func remember(_ body: CachedBody, for file: String) {
        lock.withLock {
            counts.bodiesRendered += 1
            if bodies[file]?.used != generation { bodiesUsed += 1 }
            var body = body
            body.used = generation
            bodies[file] = body
        }
    }

    fileprivate func countRendered() {
        lock.withLock { counts.bodiesRendered += 1 }
    }
}

/// Finds the bodies of one build that an earlier build rendered the same, for the pages of the
/// site only (the booklet's bodies get other URLs and heading ids).
struct BodyReuse: Sendable {
    let cache: ContentCache
    let handbook: Handbook
    /// A fingerprint of the chapters and themes, as links to them show them.
    let world: Int

    /// Fills in the bodies an earlier build rendered the same (one look-up under one lock, so
    /// that thousands of unchanged bodies cost little), and returns the positions of the others.
    func fill(_ results: ConcurrentResults<(RenderedMarkdown, [Diagnostic])>,
              with bodies: [(text: String, source: MarkdownSource)]) -> [Int] {
        var missing: [Int] = []
        let found = cache.lookUp(bodies.map(\.source.file)) { cached, index in
            isCurrent(cached, text: bodies[index].text, source: bodies[index].source)
        }
        for (index, cached) in found.enumerated() {
            if let cached { results[index] = (cached.rendered, cached.warnings) } else { missing.append(index) }
        }
        return missing
    }

    /// Keeps a body just rendered, with what its output depends on; one with errors is not kept.
    func remember(_ result: (RenderedMarkdown, [Diagnostic]), of text: String, source: MarkdownSource) {
        let (rendered, diagnostics) = result
        guard !diagnostics.hasErrors else {
            cache.countRendered()
            return
        }
        let linked = rendered.tipReferences.compactMap { number -> ContentCache.LinkedTip? in
            guard let position = handbook.tipPosition(number: number) else { return nil }
            let tip = handbook.tips[position]
            return .init(number: number, title: tip.title, slug: tip.slug, file: tip.source.file)
        }
        cache.remember(.init(text: text, firstLine: source.firstLine, unsafeHTML: handbook.config.unsafeHTML,
                             linksBeyondTips: Self.mayLinkBeyondTips(text), world: world, linkedTips: linked,
                             rendered: rendered, warnings: diagnostics, used: 0),
                       for: source.file)
    }

    private func isCurrent(_ cached: ContentCache.CachedBody, text: String, source: MarkdownSource) -> Bool {
        guard cached.firstLine == source.firstLine, cached.unsafeHTML == handbook.config.unsafeHTML,
              !cached.linksBeyondTips || cached.world == world,
              ContentCache.sameBytes(cached.text, text) else { return false }
        return cached.linkedTips.allSatisfy { linked in
            guard let position = handbook.tipPosition(number: linked.number) else { return false }
            let tip = handbook.tips[position]
            return ContentCache.sameBytes(tip.title, linked.title) && ContentCache.sameBytes(tip.slug, linked.slug)
                && ContentCache.sameBytes(tip.source.file, linked.file)
        }
    }

    /// Everything of the chapters and themes that a link to one can show or depend on.
    static func world(of handbook: Handbook) -> Int {
        var hasher = Hasher()
        hasher.combine(handbook.chapters.count)
        for chapter in handbook.chapters {
            hasher.combine(chapter.number)
            hasher.combineBytes(of: chapter.title)
            hasher.combineBytes(of: chapter.slug)
            hasher.combineBytes(of: chapter.source.file)
        }
        hasher.combine(handbook.themes.count)
        for theme in handbook.themes {
            hasher.combineBytes(of: theme.slug)
            hasher.combineBytes(of: theme.title)
        }
        return hasher.finalize()
    }

    /// Whether the text may hold a link that is not to a tip: `chapter:`, `theme:` (in any case),
    /// `.md`, or an entity or backslash escape that could spell one of them in a link's address.
    /// Errs towards yes: such a body is only rendered again more often.
    static func mayLinkBeyondTips(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func follows(_ word: StaticString, before end: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                guard end >= count else { return false }
                let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
                for offset in 0..<count where bytes[end - count + offset] | 0x20 != letters[offset] { return false }
                return true
            }
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "&"), UInt8(ascii: "\\"):
                    return true
                case UInt8(ascii: ":") where follows("chapter", before: index) || follows("theme", before: index):
                    return true
                case UInt8(ascii: ".") where index + 2 < bytes.count && bytes[index + 1] | 0x20 == UInt8(ascii: "m")
                    && bytes[index + 2] | 0x20 == UInt8(ascii: "d"):
                    return true
                default:
                    continue
                }
            }
            return false
        }
    }
}
