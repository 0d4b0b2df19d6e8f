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
    /// With a `cache` (the preview's), bodies an earlier build rendered the same are not rendered again.
    public static func renderForSite(_ handbook: Handbook, cache: ContentCache? = nil) -> (RenderedContent, [Diagnostic]) {
        render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
               homeDestinations: SiteLinks(handbook: handbook, prefix: ""), reuse: cache?.bodies(for: handbook))
    }

    /// - Parameter anchorPrefix: a prefix for each body's heading ids, where many bodies share
    ///   one document (the booklet); nil keeps the ids as they are.
    static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                       anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil },
                       reuse: BodyReuse? = nil) -> (RenderedContent, [Diagnostic]) {
        let tips = ConcurrentResults<(RenderedMarkdown, [Diagnostic])>(count: handbook.tips.count)
        let chapters = ConcurrentResults<(RenderedMarkdown, [Diagnostic])>(count: handbook.chapters.count)
        // With `reuse`, the bodies an earlier build rendered the same are filled in, and only the rest rendered.
        let tipsToRender = reuse?.fill(tips, with: handbook.tips.map { ($0.body, $0.source) }) ?? Array(handbook.tips.indices)
        let chaptersToRender = reuse?.fill(chapters, with: handbook.chapters.map { ($0.body, $0.source) })
            ?? Array(handbook.chapters.indices)
        if !tipsToRender.isEmpty || !chaptersToRender.isEmpty {
            let renderer = MarkdownRenderer(handbook: handbook, destinations: pageDestinations)
            DispatchQueue.concurrentPerform(iterations: tipsToRender.count) { slot in
                let tip = handbook.tips[tipsToRender[slot]]
                let rendered = renderer.render(tip.body, source: tip.source, anchorPrefix: anchorPrefix(.tip(tip.number)))
                reuse?.remember(rendered, of: tip.body, source: tip.source)
                tips[tipsToRender[slot]] = rendered
            }
            for index in chaptersToRender {
                let chapter = handbook.chapters[index]
                let rendered = renderer.render(chapter.body, source: chapter.source, anchorPrefix: anchorPrefix(.chapter(chapter.number)))
                reuse?.remember(rendered, of: chapter.body, source: chapter.source)
                chapters[index] = rendered
            }
        }
        let chapterResults = chapters.values
        var introduction: (RenderedMarkdown, [Diagnostic])?
        if let text = handbook.config.introduction {
            let source = MarkdownSource(file: handbook.config.sourceFile, firstLine: handbook.config.introductionLine)
            let reused = ConcurrentResults<(RenderedMarkdown, [Diagnostic])>(count: 1)
            if reuse?.fill(reused, with: [(text, source)]).isEmpty == true {
                introduction = reused[0]
            } else {
                let home = MarkdownRenderer(handbook: handbook, destinations: homeDestinations)
                introduction = home.render(text, source: source, anchorPrefix: anchorPrefix(.introduction))
                reuse?.remember(introduction!, of: text, source: source)
            }
        }
        let renderedTips = tips.values
        var referencedBy: [Int: [Int]] = [:]
        for (index, rendered) in renderedTips.enumerated() {
            for target in rendered.0.tipReferences where target != handbook.tips[index].number {
                referencedBy[target, default: []].append(handbook.tips[index].number)
            }
        }
        let diagnostics = renderedTips.flatMap(\.1) + chapterResults.flatMap(\.1) + (introduction?.1 ?? [])
        return (RenderedContent(introduction: introduction?.0, chapters: chapterResults.map(\.0), tips: renderedTips.map(\.0),
                                referencedBy: referencedBy), diagnostics)
    }
}
