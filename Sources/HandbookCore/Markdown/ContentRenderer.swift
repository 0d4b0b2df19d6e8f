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

/// The same bodies rendered for a second kind of output (the booklet), aligned like `RenderedContent`.
public struct AlternateBodies: Sendable {
    public var introduction: String?
    public var chapters: [String]
    public var tips: [String]
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
    static func renderForSite(_ handbook: Handbook, alternate: AlternateOutput?) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
               homeDestinations: SiteLinks(handbook: handbook, prefix: ""), alternate: alternate)
    }

    /// Renders the bodies for the web site: tip and chapter pages sit one folder below the root.
    public static func renderForSite(_ handbook: Handbook) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = renderForSite(handbook, alternate: nil)
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

    private typealias Rendered = (RenderedMarkdown, String?, [Diagnostic])

    private static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                               anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil },
                               alternate: AlternateOutput?) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        let renderer = MarkdownRenderer(handbook: handbook, destinations: pageDestinations)
        @Sendable func render(_ renderer: MarkdownRenderer, _ text: String, _ source: MarkdownSource, _ owner: BodyOwner,
                              alternateDestinations: LinkDestinations?) -> Rendered {
            renderer.render(text, source: source, anchorPrefix: anchorPrefix(owner),
                            alternate: alternate.map { (alternateDestinations!, $0.anchorPrefix(owner)) })
        }
        let tips = ConcurrentResults<Rendered>(count: handbook.tips.count)
        DispatchQueue.concurrentPerform(iterations: handbook.tips.count) { index in
            let tip = handbook.tips[index]
            tips[index] = render(renderer, tip.body, tip.source, .tip(tip.number), alternateDestinations: alternate?.pageDestinations)
        }
        let chapters = ConcurrentResults<Rendered>(count: handbook.chapters.count)
        DispatchQueue.concurrentPerform(iterations: handbook.chapters.count) { index in
            let chapter = handbook.chapters[index]
            chapters[index] = render(renderer, chapter.body, chapter.source, .chapter(chapter.number),
                                     alternateDestinations: alternate?.pageDestinations)
        }
        var introduction: Rendered?
        if let text = handbook.config.introduction {
            let home = MarkdownRenderer(handbook: handbook, destinations: homeDestinations)
            introduction = render(home, text, MarkdownSource(file: handbook.config.sourceFile, firstLine: handbook.config.introductionLine),
                                  .introduction, alternateDestinations: alternate?.homeDestinations)
        }
        let renderedTips = tips.values
        let renderedChapters = chapters.values
        var referencedBy: [Int: [Int]] = [:]
        for (index, rendered) in renderedTips.enumerated() {
            for target in rendered.0.tipReferences where target != handbook.tips[index].number {
                referencedBy[target, default: []].append(handbook.tips[index].number)
            }
        }
        let diagnostics = renderedTips.flatMap(\.2) + renderedChapters.flatMap(\.2) + (introduction?.2 ?? [])
        let content = RenderedContent(introduction: introduction?.0, chapters: renderedChapters.map(\.0),
                                      tips: renderedTips.map(\.0), referencedBy: referencedBy)
        let bodies = alternate.map { _ in
            AlternateBodies(introduction: introduction?.1, chapters: renderedChapters.map { $0.1 ?? "" },
                            tips: renderedTips.map { $0.1 ?? "" })
        }
        return (content, bodies, diagnostics)
    }
}
