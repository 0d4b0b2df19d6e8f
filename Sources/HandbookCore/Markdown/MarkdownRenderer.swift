//! Markdown → HTML through cmark's node tree: links rewritten, headings given anchors,
//! the "Try this" line marked, and every broken reference reported with its line.

import CCmark
import Foundation

/// The HTML of one Markdown body and what was learnt while rendering it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// Tips this body links to, in order of first mention (for "referenced by").
    public var tipReferences: [Int]
    public var headings: [Heading]
    /// The body as plain text, for search and summaries.
    public var plainText: String
    /// The text of the closing "Try this:" paragraph, without its label.
    public var tryThis: String?

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }
}

/// Renders Markdown bodies for one kind of output (`destinations` decides the URLs).
struct MarkdownRenderer: Sendable {
    let resolver: LinkResolver
    let destinations: LinkDestinations
    let unsafeHTML: Bool

    static let tryThisLabel = "Try this"

    init(handbook: Handbook, destinations: LinkDestinations) {
        self.resolver = LinkResolver(handbook: handbook)
        self.destinations = destinations
        self.unsafeHTML = handbook.config.unsafeHTML
    }

    /// Renders one body. With an `anchorPrefix`, heading ids and same-body `#fragment` links
    /// get that prefix, for documents that hold many bodies.
    func render(_ markdown: String, source: MarkdownSource, anchorPrefix: String? = nil) -> (RenderedMarkdown, [Diagnostic]) {
        let document = MarkdownDocument(markdown)
        var diagnostics: [Diagnostic] = []
        var references: [Int] = []
        var headings: [RenderedMarkdown.Heading] = []
        var usedIDs = Set<String>()
        var tryThis: String?
        var blocksToWrap: [(MarkdownDocument.Node, String, String)] = []
        var linksToWrap: [(MarkdownDocument.Node, String)] = []

        for node in document.nodes() {
            switch MarkdownDocument.type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let open = rewriteLink(node, source: source, anchorPrefix: anchorPrefix,
                                          references: &references, diagnostics: &diagnostics) {
                    linksToWrap.append((node, open))
                }
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let text = MarkdownDocument.plainText(node).trimmingWhitespace()
                let id = (anchorPrefix.map { $0 + "-" } ?? "") + uniqueID(for: text, used: &usedIDs)
                headings.append(.init(level: level, text: text, id: id))
                blocksToWrap.append((node, "<h\(level) id=\"\(id)\">", "</h\(level)>"))
            case CMARK_NODE_PARAGRAPH:
                if let text = tryThisText(of: node) {
                    tryThis = text
                    blocksToWrap.append((node, "<p class=\"try-this\">", "</p>"))
                }
            default:
                break
            }
        }
        for (node, open, close) in blocksToWrap {
            MarkdownDocument.wrapInlines(of: node, open: open, close: close, as: CMARK_NODE_CUSTOM_BLOCK)
        }
        for (node, open) in linksToWrap {
            MarkdownDocument.wrapInlines(of: node, open: open, close: "</a>", as: CMARK_NODE_CUSTOM_INLINE)
        }
        let rendered = RenderedMarkdown(html: document.html(unsafe: unsafeHTML), tipReferences: references,
                                        headings: headings, plainText: MarkdownDocument.plainText(document.root),
                                        tryThis: tryThis)
        return (rendered, diagnostics)
    }

    // MARK: - Links

    /// Rewrites the link's URL in place. Returns the opening `<a>` tag when the destinations want
    /// extra attributes on it (the caller then swaps the link node for a custom inline).
    private func rewriteLink(_ node: MarkdownDocument.Node, source: MarkdownSource, anchorPrefix: String?,
                             references: inout [Int], diagnostics: inout [Diagnostic]) -> String? {
        let url = MarkdownDocument.url(node)
        let isImage = MarkdownDocument.type(node) == CMARK_NODE_IMAGE
        let location = SourceLocation(file: source.file, line: source.firstLine + MarkdownDocument.startLine(node) - 1,
                                      column: MarkdownDocument.startColumn(node))
        var target: LinkTarget?
        switch resolver.resolve(url, from: source.file) {
        case .unchanged:
            if let anchorPrefix, url.hasPrefix("#"), url.count > 1 {
                cmark_node_set_url(node, "#\(anchorPrefix)-\(url.dropFirst())")
            }
        case .dangerous(let scheme):
            cmark_node_set_url(node, "")
            diagnostics.append(.warning("link with a '\(scheme):' URL was removed", at: location,
                                        hint: "such links can run code or read local files; link to a web page instead"))
        case .broken(let message, let hint):
            diagnostics.append(.error(message, at: location, hint: hint))
        case .handbook(let linked, let fragment):
            target = linked
            cmark_node_set_url(node, destinations.url(for: linked, fragment: fragment))
            if case .tip(let number) = linked, !references.contains(number) { references.append(number) }
            if cmark_node_first_child(node) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, title(of: linked))
                cmark_node_append_child(node, text)
            }
        }
        let finalURL = MarkdownDocument.url(node)
        guard !isImage, !finalURL.isEmpty, let attributes = destinations.linkAttributes(for: target, url: finalURL) else {
            return nil
        }
        var open = "<a \(attributes) href=\"\(HTMLEscaping.escape(finalURL))\""
        if let title = cmark_node_get_title(node).map({ String(cString: $0) }), !title.isEmpty {
            open += " title=\"\(HTMLEscaping.escape(title))\""
        }
        return open + ">"
    }

    private func title(of target: LinkTarget) -> String {
        let handbook = resolver.handbook
        switch target {
        case .tip(let number): return handbook.tip(number: number)?.title ?? "Tip \(number)"
        case .chapter(let number): return handbook.chapter(number: number)?.title ?? "Chapter \(number)"
        case .theme(let slug): return handbook.theme(slug: slug)?.title ?? slug
        case .home: return handbook.config.title
        }
    }

    // MARK: - Blocks

    private func uniqueID(for text: String, used: inout Set<String>) -> String {
        let base = URLSlug.make(text).isEmpty ? "section" : URLSlug.make(text)
        var id = base
        var counter = 2
        while !used.insert(id).inserted {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }

    /// A paragraph that opens with a bold "Try this:" label.
    private func tryThisText(of paragraph: MarkdownDocument.Node) -> String? {
        guard let first = cmark_node_first_child(paragraph), MarkdownDocument.type(first) == CMARK_NODE_STRONG else { return nil }
        let label = MarkdownDocument.plainText(first).trimmingWhitespace()
        guard label.hasPrefix(Self.tryThisLabel) else { return nil }
        var rest = MarkdownDocument.plainText(paragraph).trimmingWhitespace().dropFirst(label.count)
        while let c = rest.first, c == ":" || c.isWhitespace { rest = rest.dropFirst() }
        return String(rest)
    }
}
