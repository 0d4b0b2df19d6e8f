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
        try utf8(for: prepared, themeDisplay: themeDisplay, paper: paper).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the booklet into a site that is being built (`handbook build` always does, in A5).
    /// Returns false when the theme has no booklet.
    @discardableResult
    public static func write(_ prepared: SiteBuilder.Prepared, themeDisplay: String, into sink: OutputSink,
                             paper: PaperSize = .a5) throws -> Bool {
        guard let html = try utf8(for: prepared, themeDisplay: themeDisplay, paper: paper) else { return false }
        if let writer = sink as? SiteWriter { try writer.prepareFolders(for: [htmlPath]) }
        try sink.write(utf8: html, to: htmlPath)
        return true
    }

    /// The booklet as UTF-8 bytes, from the bodies `prepare` rendered for it when it did, or
    /// rendered here.
    private static func utf8(for prepared: SiteBuilder.Prepared, themeDisplay: String, paper: PaperSize) throws -> [UInt8]? {
        if let booklet = prepared.booklet {
            return html(for: prepared.handbook, theme: booklet.theme, bodies: booklet.bodies, paper: paper)
        }
        let handbook = prepared.handbook
        guard let theme = try BookletTheme.load(from: prepared.theme.folder, displayPath: themeDisplay,
                                                language: handbook.config.language,
                                                siteStrings: prepared.theme.strings) else { return nil }
        // Problems in the Markdown were reported when the site's copy was rendered; the booklet
        // renders the same text and would only repeat them.
        let output = alternateOutput(for: theme)
        let (content, _) = ContentRenderer.render(handbook, pageDestinations: output.pageDestinations,
                                                  homeDestinations: output.homeDestinations, anchorPrefix: output.anchorPrefix)
        let bodies = AlternateBodies(introduction: content.introduction?.htmlUTF8, chapters: content.chapters.map(\.htmlUTF8),
                                     tips: content.tips.map(\.htmlUTF8))
        return html(for: handbook, theme: theme, bodies: bodies, paper: paper)
    }

    /// How bodies are rendered for the booklet: links become print references, and heading ids
    /// are prefixed with their tip's or chapter's anchor, since every body shares one document.
    static func alternateOutput(for theme: BookletTheme) -> AlternateOutput {
        let links = links(for: theme)
        return AlternateOutput(pageDestinations: links, homeDestinations: links, anchorPrefix: { BookletAnchor.owner($0) })
    }

    static func links(for theme: BookletTheme) -> BookletLinks {
        let strings = theme.strings
        return BookletLinks(words: .init(
            tip: strings["reference_tip"] ?? "tip", chapter: strings["reference_chapter"] ?? "chapter",
            themeIndex: strings["reference_theme"] ?? "index", page: strings["page_abbreviation"] ?? "p."))
    }

    static func html(for handbook: Handbook, theme: BookletTheme, bodies: AlternateBodies, paper: PaperSize) -> [UInt8] {
        let context = BookletContext(
            handbook: handbook,
            tipBodies: bodies.tips,
            chapterBodies: bodies.chapters,
            introduction: bodies.introduction,
            strings: theme.strings, links: links(for: theme), paper: paper, stylesheet: theme.stylesheet)
        // The bodies, plus about a kilobyte of headings, tags and references around each.
        let bodyBytes = bodies.tips.reduce(0) { $0 + $1.count } + bodies.chapters.reduce(0) { $0 + $1.count }
        let capacity = bodyBytes + theme.stylesheet.utf8.count + 1024 * (handbook.tips.count + handbook.chapters.count) + 65536
        return theme.template.renderUTF8("booklet", context.make(), capacity: capacity) ?? []
    }
}
