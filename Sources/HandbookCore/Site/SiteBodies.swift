//! The Markdown bodies rendered for the web site's pages.

extension ContentRenderer {
    /// Tip and chapter pages sit one folder below the root; with `alternate`, every body is also rendered for the booklet.
    static func renderForSite(_ handbook: Handbook, alternate: AlternateOutput?) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        var (content, bodies, diagnostics) = render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
                                                    homeDestinations: SiteLinks(handbook: handbook, prefix: ""), alternate: alternate)
        // A handbook whose tips close with "How you'll know" is told which tip lacks one.
        let usesHowYoullKnow = content.tips.contains { $0.howYoullKnow != nil }
        for (tip, body) in zip(handbook.tips, content.tips) where usesHowYoullKnow && body.howYoullKnow == nil {
            diagnostics.append(.warning("tip \(tip.number) has no \"How you'll know\" line",
                                        at: SourceLocation(file: tip.source.file, line: tip.source.firstLine, column: 1),
                                        hint: "end the tip with a paragraph that starts with **How you'll know:** and names one signal "
                                            + "that shows the tip worked, and when to look"))
        }
        return (content, bodies, diagnostics)
    }

    /// Renders the bodies for the web site.
    public static func renderForSite(_ handbook: Handbook) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = renderForSite(handbook, alternate: nil)
        return (content, diagnostics)
    }
}
