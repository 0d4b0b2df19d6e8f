//! Markdown → HTML through cmark's node tree: links rewritten, headings given anchors,
//! the "Try this" line marked, and every broken reference reported with its line.

import CCmark
import FoundationEssentials

/// The HTML of one Markdown body and what was learnt while rendering it.
public struct RenderedMarkdown: Sendable {
    /// The HTML as cmark wrote it, UTF-8: pages copy these bytes without making a `String`.
    public var htmlUTF8: [UInt8]
    /// Tips this body links to, in order of first mention (for "referenced by").
    public var tipReferences: [Int]
    /// The body as plain text, for search and summaries.
    public var plainText: String
    /// The text of the closing "Try this:" paragraph, without its label.
    public var tryThis: String?
    /// The text of the "How you'll know:" paragraph after it: how a team tells that the tip worked.
    public var howYoullKnow: String?

    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
}

/// Renders Markdown bodies for one kind of output (`destinations` decides the URLs).
struct MarkdownRenderer: Sendable {
    let resolver: LinkResolver
    private(set) var destinations: LinkDestinations
    let unsafeHTML: Bool

    /// The closing paragraphs of a tip, by the bold label they open with.
    enum ClosingLine: CaseIterable {
        case tryThis, howYoullKnow

        var htmlClass: String { self == .tryThis ? "try-this" : "how-you-know" }
        /// English (with a straight or a curly apostrophe, as smart punctuation writes it) and Dutch.
        var labels: [String] {
            self == .tryThis ? ["Try this", "Probeer dit"] : ["How you'll know", "How you\u{2019}ll know", "Zo merk je het"]
        }
    }

    init(handbook: Handbook, destinations: LinkDestinations) {
        self.resolver = LinkResolver(handbook: handbook)
        self.destinations = destinations
        self.unsafeHTML = handbook.config.unsafeHTML
    }

    /// The same renderer for other destinations (the home page's links), keeping its resolver.
    func with(destinations: LinkDestinations) -> MarkdownRenderer {
        var renderer = self
        renderer.destinations = destinations
        return renderer
    }

    /// `anchorPrefix` prefixes heading ids and `#fragment` links, for documents of many bodies.
    func render(_ markdown: String, source: MarkdownSource, anchorPrefix: String? = nil) -> (RenderedMarkdown, [Diagnostic]) {
        let (rendered, _, diagnostics) = render(markdown, source: source, anchorPrefix: anchorPrefix, alternate: nil)
        return (rendered, diagnostics)
    }

    /// With `alternate`, also the HTML for a second output (the booklet) from the same parse: the
    /// tree is checked once, then its links and ids are pointed at the other output.
    func render(_ markdown: String, source: MarkdownSource, anchorPrefix: String?,
                alternate: (destinations: LinkDestinations, anchorPrefix: String?)?) -> (RenderedMarkdown, [UInt8]?, [Diagnostic]) {
        let document = MarkdownDocument(markdown)
        var diagnostics: [Diagnostic] = []
        var references: [Int] = []
        var usedIDs = Set<String>()
        var closing: [ClosingLine: String] = [:]
        var links: [Link] = []
        var headingNodes: [(node: MarkdownDocument.CMarkNode, level: Int, id: String)] = []
        var closingNodes: [(MarkdownDocument.CMarkNode, ClosingLine)] = []

        for node in document.nodes() {
            switch MarkdownDocument.type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                links.append(resolveLink(node, source: source, references: &references, diagnostics: &diagnostics))
            case CMARK_NODE_HTML_BLOCK where unsafeHTML, CMARK_NODE_HTML_INLINE where unsafeHTML:
                cleanRawHTML(node, source: source, diagnostics: &diagnostics)
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let text = MarkdownDocument.plainText(node).trimmingWhitespace()
                let id = uniqueID(for: text, used: &usedIDs)
                headingNodes.append((node, level, id))
            case CMARK_NODE_PARAGRAPH:
                if let (line, text) = closingLine(node) {
                    closing[line] = text
                    closingNodes.append((node, line))
                }
            default:
                break
            }
        }
        let plainText = MarkdownDocument.plainText(document.root)
        // Headings and "Try this" become custom blocks that keep their children; their tags are
        // set per output below. (They are blocks: links inside them stay valid nodes.)
        let customHeadings = headingNodes.map { heading in
            (MarkdownDocument.wrapInlines(of: heading.node, open: "", close: "</h\(heading.level)>", as: CMARK_NODE_CUSTOM_BLOCK),
             heading.level, heading.id)
        }
        for (node, line) in closingNodes {
            MarkdownDocument.wrapInlines(of: node, open: "<p class=\"\(line.htmlClass)\">", close: "</p>", as: CMARK_NODE_CUSTOM_BLOCK)
        }

        func html(for destinations: LinkDestinations, anchorPrefix: String?, last: Bool) -> [UInt8]? {
            for (custom, level, id) in customHeadings {
                if let custom { cmark_node_set_on_enter(custom, "<h\(level) id=\"\(Self.anchor(id, prefix: anchorPrefix))\">") }
            }
            var linksToWrap: [(MarkdownDocument.CMarkNode, String)] = []
            for link in links {
                if let open = point(link, at: destinations, anchorPrefix: anchorPrefix) { linksToWrap.append((link.node, open)) }
            }
            // Wrapping a link frees its node; only the last output may do that, others start again.
            guard linksToWrap.isEmpty || last else { return nil }
            for (node, open) in linksToWrap {
                MarkdownDocument.wrapInlines(of: node, open: open, close: "</a>", as: CMARK_NODE_CUSTOM_INLINE)
            }
            return document.htmlUTF8(unsafe: unsafeHTML)
        }

        let siteHTML: [UInt8]
        if let first = html(for: destinations, anchorPrefix: anchorPrefix, last: alternate == nil) {
            siteHTML = first
        } else {
            // The first output wraps links (not the site's, which never does): render it from a
            // parse of its own, and the alternate from this one.
            siteHTML = render(markdown, source: source, anchorPrefix: anchorPrefix).0.htmlUTF8
        }
        let alternateHTML = alternate.flatMap { html(for: $0.destinations, anchorPrefix: $0.anchorPrefix, last: true) }
        let rendered = RenderedMarkdown(htmlUTF8: siteHTML, tipReferences: references,
                                        plainText: plainText, tryThis: closing[.tryThis], howYoullKnow: closing[.howYoullKnow])
        return (rendered, alternateHTML, diagnostics)
    }

    private static func anchor(_ id: String, prefix: String?) -> String {
        (prefix.map { $0 + "-" } ?? "") + id
    }

    // MARK: - Links

    /// A link node, its URL as written and what the URL points at.
    private struct Link {
        let node: MarkdownDocument.CMarkNode
        let url: String
        let isImage: Bool
        let resolution: LinkResolver.Resolution
    }

    /// Reports broken and dangerous URLs, records tip references, and gives an empty handbook
    /// link its target's title.
    private func resolveLink(_ node: MarkdownDocument.CMarkNode, source: MarkdownSource,
                             references: inout [Int], diagnostics: inout [Diagnostic]) -> Link {
        let url = MarkdownDocument.url(node)
        let location = SourceLocation(file: source.file, line: source.firstLine + MarkdownDocument.startLine(node) - 1,
                                      column: MarkdownDocument.startColumn(node))
        var resolution = resolver.resolve(url, from: source.file)
        if MarkdownDocument.type(node) == CMARK_NODE_IMAGE, !Self.isImageInsideTheSite(url) {
            // The booklet's PDF would embed whatever file it names.
            resolution = .broken(message: "image '\(url)' is outside the handbook",
                                 hint: "use a web address or a relative path inside the site, such as ../assets/picture.png")
        }
        switch resolution {
        case .unchanged:
            break
        case .dangerous(let scheme):
            diagnostics.append(.warning("link with a '\(scheme):' URL was removed", at: location,
                                        hint: "such links can run code or read local files; link to a web page instead"))
        case .broken(let message, let hint):
            diagnostics.append(.error(message, at: location, hint: hint))
        case .handbook(let linked, _):
            if case .tip(let number) = linked, !references.contains(number) { references.append(number) }
            if cmark_node_first_child(node) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, title(of: linked))
                cmark_node_append_child(node, text)
            }
        }
        return Link(node: node, url: url, isImage: MarkdownDocument.type(node) == CMARK_NODE_IMAGE, resolution: resolution)
    }

    /// On the web, or inside the site from a page one folder down: never absolute or `file:`.
    static func isImageInsideTheSite(_ url: String) -> Bool {
        let address = url.trimmingWhitespace()
        if let colon = address.firstIndex(of: ":"), !address[..<colon].contains("/") {
            let scheme = address[..<colon].lowercased()
            return scheme == "http" || scheme == "https" || (scheme == "data" && address.lowercased().hasPrefix("data:image/"))
        }
        guard !address.hasPrefix("/"), !address.hasPrefix("\\") else { return false }
        let path = address.prefix { $0 != "?" && $0 != "#" }
        let decoded = PercentEncoding.decode(String(path)) ?? String(path)
        return !LinkResolver.normalise("page/" + decoded.replacingScalars("\\", with: "/")).hasPrefix("..")
    }

    /// Raw HTML without what can run script; what was removed is reported where it was written.
    private func cleanRawHTML(_ node: MarkdownDocument.CMarkNode, source: MarkdownSource, diagnostics: inout [Diagnostic]) {
        guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { return }
        let (cleaned, removed) = RawHTMLFilter.clean(literal)
        guard !removed.isEmpty else { return }
        cmark_node_set_literal(node, cleaned)
        let location = SourceLocation(file: source.file, line: source.firstLine + MarkdownDocument.startLine(node) - 1,
                                      column: max(MarkdownDocument.startColumn(node), 1))
        diagnostics.append(.warning("raw HTML: removed \(removed.joined(separator: ", "))", at: location,
                                    hint: "unsafe_html allows HTML, but never script: links to web pages and plain markup stay"))
    }

    /// Sets the link's URL for one output; the opening `<a>` tag when the destinations want
    /// attributes on it (the caller swaps the link for a custom inline).
    private func point(_ link: Link, at destinations: LinkDestinations, anchorPrefix: String?) -> String? {
        var target: LinkTarget?
        var finalURL = link.url
        switch link.resolution {
        case .unchanged:
            if let anchorPrefix, link.url.hasPrefix("#"), link.url.count > 1 {
                finalURL = "#\(anchorPrefix)-\(link.url.dropFirst())"
            }
        case .dangerous:
            finalURL = ""
        case .broken:
            break
        case .handbook(let linked, let fragment):
            target = linked
            finalURL = destinations.url(for: linked, fragment: fragment)
        }
        cmark_node_set_url(link.node, finalURL)
        guard !link.isImage, !finalURL.isEmpty, let attributes = destinations.linkAttributes(for: target, url: finalURL) else {
            return nil
        }
        var open = "<a \(attributes) href=\"\(HTMLEscape.escape(finalURL))\""
        if let title = cmark_node_get_title(link.node).map({ String(cString: $0) }), !title.isEmpty {
            open += " title=\"\(HTMLEscape.escape(title))\""
        }
        return open + ">"
    }

    private func title(of target: LinkTarget) -> String {
        let handbook = resolver.handbook
        switch target {
        case .tip(let number): return handbook.tipPosition(number: number).map { handbook.tips[$0].title } ?? "Tip \(number)"
        case .chapter(let number): return handbook.chapter(number: number)?.title ?? "Chapter \(number)"
        case .theme(let slug): return handbook.theme(slug: slug)?.title ?? slug
        case .home: return handbook.config.title
        }
    }

    // MARK: - Blocks

    private func uniqueID(for text: String, used: inout Set<String>) -> String {
        let slug = URLSlug.make(text)
        let base = slug.isEmpty ? "section" : slug
        var id = base
        var counter = 2
        while !used.insert(id).inserted {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }

    /// A paragraph that opens with a closing line's bold label ("**Try this:**"), and its text after it.
    private func closingLine(_ paragraph: MarkdownDocument.CMarkNode) -> (ClosingLine, String)? {
        guard let first = cmark_node_first_child(paragraph), MarkdownDocument.type(first) == CMARK_NODE_STRONG else { return nil }
        let label = MarkdownDocument.plainText(first).trimmingWhitespace()
        guard let line = ClosingLine.allCases.first(where: { $0.labels.contains(where: label.hasPrefix) })
        else { return nil }
        // The label is the first child: the rest is found by byte count, not by walking characters.
        let text = MarkdownDocument.plainText(paragraph).trimmingWhitespace()
        guard text.utf8.starts(with: label.utf8) else { return nil }
        var rest = text[text.utf8.index(text.utf8.startIndex, offsetBy: label.utf8.count)...]
        while let c = rest.first, c == ":" || c.isWhitespace { rest = rest.dropFirst() }
        return (line, String(rest))
    }
}
