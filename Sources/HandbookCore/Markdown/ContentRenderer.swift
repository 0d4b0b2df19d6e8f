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

public enum ContentRenderer {
    /// Renders the bodies for the web site: tip and chapter pages sit one folder below the root.
    public static func renderForSite(_ handbook: Handbook) -> (RenderedContent, [Diagnostic]) {
        render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
               homeDestinations: SiteLinks(handbook: handbook, prefix: ""))
    }

    /// - Parameter anchorPrefix: a prefix for each body's heading ids, where many bodies share
    ///   one document (the booklet); nil keeps the ids as they are.
    static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                       anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil }) -> (RenderedContent, [Diagnostic]) {
        let renderer = MarkdownRenderer(handbook: handbook, destinations: pageDestinations)
        let tips = ConcurrentResults<(RenderedMarkdown, [Diagnostic])>(count: handbook.tips.count)
        DispatchQueue.concurrentPerform(iterations: handbook.tips.count) { index in
            let tip = handbook.tips[index]
            tips[index] = renderer.render(tip.body, source: tip.source, anchorPrefix: anchorPrefix(.tip(tip.number)))
        }
        let chapters = handbook.chapters.map {
            renderer.render($0.body, source: $0.source, anchorPrefix: anchorPrefix(.chapter($0.number)))
        }
        var introduction: (RenderedMarkdown, [Diagnostic])?
        if let text = handbook.config.introduction {
            let home = MarkdownRenderer(handbook: handbook, destinations: homeDestinations)
            introduction = home.render(text, source: MarkdownSource(file: handbook.config.sourceFile, firstLine: handbook.config.introductionLine),
                                       anchorPrefix: anchorPrefix(.introduction))
        }
        let renderedTips = tips.values
        var referencedBy: [Int: [Int]] = [:]
        for (index, rendered) in renderedTips.enumerated() {
            for target in rendered.0.tipReferences where target != handbook.tips[index].number {
                referencedBy[target, default: []].append(handbook.tips[index].number)
            }
        }
        let diagnostics = renderedTips.flatMap(\.1) + chapters.flatMap(\.1) + (introduction?.1 ?? [])
        return (RenderedContent(introduction: introduction?.0, chapters: chapters.map(\.0), tips: renderedTips.map(\.0),
                                referencedBy: referencedBy), diagnostics)
    }
}
