//! The Markdown bodies rendered for the web site's pages.

extension ContentRenderer {
    /// Renders the bodies for the web site: tip and chapter pages sit one folder below the root.
    /// With `alternate`, every body is also rendered for that output (the booklet).
    static func renderForSite(_ handbook: Handbook, alternate: AlternateOutput?) -> (RenderedContent, AlternateBodies?, [Diagnostic]) {
        render(handbook, pageDestinations: SiteLinks(handbook: handbook, prefix: "../"),
               homeDestinations: SiteLinks(handbook: handbook, prefix: ""), alternate: alternate)
    }

    /// Renders the bodies for the web site.
    public static func renderForSite(_ handbook: Handbook) -> (RenderedContent, [Diagnostic]) {
        let (content, _, diagnostics) = renderForSite(handbook, alternate: nil)
        return (content, diagnostics)
    }
}
