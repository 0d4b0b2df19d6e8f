//! Renders every Markdown body of the handbook once, on all cores, and derives "referenced by".

import FoundationEssentials

/// The rendered bodies of a handbook, aligned with `handbook.tips` and `handbook.chapters`.
public struct RenderedContent: Sendable {
    public var introduction: RenderedMarkdown?
    public var chapters: [RenderedMarkdown]
    public var tips: [RenderedMarkdown]
    /// Tip number → numbers of the tips whose text links to it, in tip order.
    public var referencedBy: [Int: [Int]]
}

/// The same bodies for a second output (the booklet), aligned like `RenderedContent`.
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
    /// `anchorPrefix`: for each body's heading ids, where many bodies share one document.
    static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                       anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil }) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = render(handbook, pageDestinations: pageDestinations, homeDestinations: homeDestinations,
                                               anchorPrefix: anchorPrefix, alternate: nil)
        return (content, diagnostics)
    }

    private typealias Rendered = (RenderedMarkdown, [UInt8]?, [Diagnostic])

    /// One Markdown body to render: its text, where it came from, and whose it is.
    private struct Body {
        var text: String
        var source: MarkdownSource
        var owner: BodyOwner
    }

    /// Renders every body for one output, and with `alternate` for a second one from the same parse.
    static func render(_ handbook: Handbook, pageDestinations: LinkDestinations, homeDestinations: LinkDestinations,
                       anchorPrefix: @Sendable (BodyOwner) -> String? = { _ in nil },
                       alternate: AlternateOutput?) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        let renderer = MarkdownRenderer(handbook: handbook, destinations: pageDestinations)
        func renderAll(_ bodies: [Body]) -> [Rendered] {
            bodies.concurrentMap { body in
                renderer.render(body.text, source: body.source, anchorPrefix: anchorPrefix(body.owner),
                                alternate: alternate.map { ($0.pageDestinations, $0.anchorPrefix(body.owner)) })
            }
        }
        let renderedTips = renderAll(handbook.tips.map { Body(text: $0.body, source: $0.source, owner: .tip($0.number)) })
        let renderedChapters = renderAll(handbook.chapters.map { Body(text: $0.body, source: $0.source, owner: .chapter($0.number)) })
        var introduction: Rendered?
        if let text = handbook.config.introduction {
            let source = MarkdownSource(file: handbook.config.sourceFile, firstLine: handbook.config.introductionLine)
            // The page renderer's table of files serves the home page's links too.
            let home = renderer.with(destinations: homeDestinations)
            introduction = home.render(text, source: source, anchorPrefix: anchorPrefix(.introduction),
                                       alternate: alternate.map { ($0.homeDestinations, $0.anchorPrefix(.introduction)) })
        }
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
            AlternateBodies(introduction: introduction?.1, chapters: renderedChapters.map { $0.1 ?? [] },
                            tips: renderedTips.map { $0.1 ?? [] })
        }
        return (content, bodies, diagnostics)
    }
}
