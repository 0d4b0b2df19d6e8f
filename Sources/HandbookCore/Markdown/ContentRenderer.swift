//! Renders every Markdown body of the handbook once, on all cores, and derives "referenced by".

import Foundation

/// The rendered bodies of a handbook, aligned with `handbook.tips` and `handbook.chapters`.
public struct RenderedContent: Sendable {
    public var introduction: RenderedMarkdown?
    public var chapters: [RenderedMarkdown]
    public var tips: [RenderedMarkdown]
    /// Tip number → numbers of the tips whose text links to it, in tip order.
    public var referencedBy: [Int: [Int]]
}

/// The same bodies rendered for a second kind of output (the booklet), aligned like
/// `RenderedContent`, as UTF-8 HTML.
public struct AlternateBodies: Sendable {
    public var introduction: [UInt8]?
    public var chapters: [[UInt8]]
    public var tips: [[UInt8]]
}

/// A second kind of output to render every body for, from the same parse.
struct AlternateOutput: Sendable {
    var pageDestinations: LinkDestinations
    var homeDestinations: LinkDestinations
    var anchorPrefix: @Sendable (BodyOwner) -> String?
}

public enum ContentRenderer {
    /// Renders the bodies for the web site: tip and chapter pages sit one folder below the root.
    /// With `alternate`, every body is also rendered for that output (the booklet).
    /// With a `cache` (the preview's, which never asks for an alternate), bodies an earlier build
    /// rendered the same are not rendered again.
    static func renderForSite(_ handbook: Handbook, alternate: AlternateOutput?,
                              cache: ContentCache? = nil) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
               homeDestinations: SiteLinks(handbook: handbook, prefix: ""), alternate: alternate,
               reuse: alternate == nil ? cache?.bodies(for: handbook) : nil)
    }

    /// Renders the bodies for the web site: tip and chapter pages sit one folder below the root.
    public static func renderForSite(_ handbook: Handbook, cache: ContentCache? = nil) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = renderForSite(handbook, alternate: nil, cache: cache)
        return (content, diagnostics)
    }

    /// - Parameter anchorPrefix: a prefix for each body's heading ids, where many bodies share
    ///   one document (the booklet); nil keeps the ids as they are.
    static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                       anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil }) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = render(handbook, pageDestinations: pageDestinations, homeDestinations: homeDestinations,
                                               anchorPrefix: anchorPrefix, alternate: nil)
        return (content, diagnostics)
    }

    private typealias Rendered = (RenderedMarkdown, [UInt8]?, [Diagnostic])
    private typealias Site = (RenderedMarkdown, [Diagnostic])

    /// One Markdown body to render: its text, where it came from, and whose it is.
    private struct Body {
        var text: String
        var source: MarkdownSource
        var owner: BodyOwner
    }

    /// With `reuse`, the bodies an earlier build rendered the same are filled in, and only the
    /// rest rendered; `reuse` holds site bodies only, so it never comes with an `alternate`.
    private static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                               anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil },
                               alternate: AlternateOutput?, reuse: BodyReuse? = nil) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        @Sendable func render(_ renderer: MarkdownRenderer, _ text: String, _ source: MarkdownSource, _ owner: BodyOwner,
                              alternateDestinations: LinkDestinations?) -> Rendered {
            renderer.render(text, source: source, anchorPrefix: anchorPrefix(owner),
                            alternate: alternate.map { (alternateDestinations!, $0.anchorPrefix(owner)) })
        }
        let tips = handbook.tips.map { Body(text: $0.body, source: $0.source, owner: .tip($0.number)) }
        let chapters = handbook.chapters.map { Body(text: $0.body, source: $0.source, owner: .chapter($0.number)) }
        // With `reuse`, only the bodies it does not have are rendered; when it has them all, not
        // even the renderer (and its link resolver's table of every file) is made.
        let tipSites = ConcurrentResults<Site>(count: tips.count)
        let chapterSites = ConcurrentResults<Site>(count: chapters.count)
        let tipsToRender = reuse?.fill(tipSites, with: tips.map { ($0.text, $0.source) }) ?? Array(tips.indices)
        let chaptersToRender = reuse?.fill(chapterSites, with: chapters.map { ($0.text, $0.source) }) ?? Array(chapters.indices)
        let renderer = tipsToRender.isEmpty && chaptersToRender.isEmpty
            ? nil : MarkdownRenderer(handbook: handbook, destinations: pageDestinations)
        /// Renders `toRender` of `bodies` on all cores into `sites`; returns the alternate HTML.
        func renderAll(_ bodies: [Body], _ toRender: [Int], into sites: ConcurrentResults<Site>) -> [[UInt8]?] {
            let alternates = ConcurrentResults<[UInt8]?>(count: alternate == nil ? 0 : bodies.count)
            guard let renderer else { return [] }
            DispatchQueue.concurrentPerform(iterations: toRender.count) { slot in
                let body = bodies[toRender[slot]]
                let (site, other, problems) = render(renderer, body.text, body.source, body.owner,
                                                     alternateDestinations: alternate?.pageDestinations)
                reuse?.remember((site, problems), of: body.text, source: body.source)
                sites[toRender[slot]] = (site, problems)
                if alternate != nil { alternates[toRender[slot]] = .some(other) }
            }
            return alternate == nil ? [] : alternates.takeValues()
        }
        let tipAlternates = renderAll(tips, tipsToRender, into: tipSites)
        let chapterAlternates = renderAll(chapters, chaptersToRender, into: chapterSites)
        let renderedTips = tipSites.takeValues()
        let renderedChapters = chapterSites.takeValues()
        var introduction: Rendered?
        if let text = handbook.config.introduction {
            let source = MarkdownSource(file: handbook.config.sourceFile, firstLine: handbook.config.introductionLine)
            let reused = ConcurrentResults<Site>(count: 1)
            if reuse?.fill(reused, with: [(text, source)]).isEmpty == true, let site = reused[0] {
                introduction = (site.0, nil, site.1)
            } else {
                // The page renderer's table of files serves the home page's links too.
                let home = renderer?.retargeted(to: handbook, destinations: homeDestinations)
                    ?? MarkdownRenderer(handbook: handbook, destinations: homeDestinations)
                introduction = render(home, text, source, .introduction, alternateDestinations: alternate?.homeDestinations)
                reuse?.remember((introduction!.0, introduction!.2), of: text, source: source)
            }
        }
        var referencedBy: [Int: [Int]] = [:]
        for (index, rendered) in renderedTips.enumerated() {
            for target in rendered.0.tipReferences where target != handbook.tips[index].number {
                referencedBy[target, default: []].append(handbook.tips[index].number)
            }
        }
        let diagnostics = renderedTips.flatMap(\.1) + renderedChapters.flatMap(\.1) + (introduction?.2 ?? [])
        let content = RenderedContent(introduction: introduction?.0, chapters: renderedChapters.map(\.0),
                                      tips: renderedTips.map(\.0), referencedBy: referencedBy)
        let bodies = alternate.map { _ in
            AlternateBodies(introduction: introduction?.1, chapters: chapterAlternates.map { $0 ?? [] },
                            tips: tipAlternates.map { $0 ?? [] })
        }
        return (content, bodies, diagnostics)
    }
}
