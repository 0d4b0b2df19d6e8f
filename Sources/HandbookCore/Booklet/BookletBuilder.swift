//! The printable booklet: the whole handbook as one HTML document laid out with CSS paged media.

import FoundationEssentials

/// `booklet/index.html`, from the site's model and Markdown with links as print references ("(tip 12,
/// p. 34)"); no navigation or scripts, for WeasyPrint (`PDFRenderer`) or a browser's print dialog.
public enum BookletBuilder {
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

    /// The booklet's HTML as UTF-8; `pdfName` is the PDF beside it, when one is made, which it then links to.
    public static func html(for handbook: Handbook, booklet: PreparedBooklet, paper: PaperSize = .a5,
                            pdfName: String? = nil) -> [UInt8] {
        let (theme, bodies) = (booklet.theme, booklet.bodies)
        let context = BookletContext(
            handbook: handbook,
            tipBodies: bodies.tips,
            chapterBodies: bodies.chapters,
            introduction: bodies.introduction,
            strings: theme.strings, links: links(for: theme), paper: paper, stylesheet: theme.stylesheet, fonts: theme.fonts)
        var value = context.make()
        if let pdfName, case .object(var fields) = value {
            fields["pdf_url"] = .string(pdfName)
            value = .object(fields)
        }
        return theme.template.renderUTF8("booklet", value) ?? []
    }
}

/// The booklet's part of a prepared build: its theme, and every body rendered with its links.
public struct PreparedBooklet: Sendable {
    var theme: BookletTheme
    var bodies: AlternateBodies
}
