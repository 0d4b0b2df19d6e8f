//! The printable booklet: the whole handbook as one HTML document laid out with CSS paged media.

import Foundation

/// Builds `booklet/index.html` from the same model and Markdown as the site, with cross-references
/// rewritten into print references ("(tip 12, p. 34)"). No navigation, search or scripts: the
/// document is meant for WeasyPrint (`PDFRenderer`) or a browser's print dialog.
public enum BookletBuilder {
    /// Where the booklet goes in the site.
    public static let htmlPath = "booklet/index.html"
    /// The PDF's file name, beside the HTML.
    public static let pdfName = "booklet.pdf"

    /// The booklet's HTML, or nil when the site theme has no `booklet/` folder.
    public static func html(for prepared: SiteBuilder.Prepared, themeDisplay: String,
                            paper: PaperSize = .a5) throws -> String? {
        let handbook = prepared.handbook
        guard let theme = try BookletTheme.load(from: prepared.theme.folder, displayPath: themeDisplay,
                                                language: handbook.config.language,
                                                siteStrings: prepared.theme.strings) else { return nil }
        return html(for: handbook, theme: theme, paper: paper)
    }

    /// Writes the booklet into a site that is being built (`handbook build` always does, in A5).
    /// Returns false when the theme has no booklet.
    @discardableResult
    public static func write(_ prepared: SiteBuilder.Prepared, themeDisplay: String, into sink: OutputSink,
                             paper: PaperSize = .a5) throws -> Bool {
        guard let html = try html(for: prepared, themeDisplay: themeDisplay, paper: paper) else { return false }
        if let writer = sink as? SiteWriter { try writer.prepareFolders(for: [htmlPath]) }
        try sink.write(html, to: htmlPath)
        return true
    }

    static func html(for handbook: Handbook, theme: BookletTheme, paper: PaperSize) -> String {
        // Problems in the Markdown were reported when the site's copy was rendered; the booklet
        // renders the same text and would only repeat them.
        let strings = theme.strings
        let links = BookletLinks(words: .init(
            tip: strings["reference_tip"] ?? "tip", chapter: strings["reference_chapter"] ?? "chapter",
            themeIndex: strings["reference_theme"] ?? "index", page: strings["page_abbreviation"] ?? "p."))
        let (content, _) = ContentRenderer.render(handbook, pageDestinations: links, homeDestinations: links,
                                                  anchorPrefix: { BookletAnchor.owner($0) })
        let context = BookletContext(
            handbook: handbook,
            tipBodies: content.tips.map(\.html),
            chapterBodies: content.chapters.map(\.html),
            introduction: content.introduction?.html,
            strings: strings, links: links, paper: paper, stylesheet: theme.stylesheet)
        return theme.template.render("booklet", context.make()) ?? ""
    }
}
