//! Owns one cmark node tree: parse, walk, render, free.

import CCmark
import FoundationEssentials
import Glibc

/// A parsed Markdown document. The tree is freed with the document; nodes handed out by
/// `nodes()` are valid only while the document lives.
final class MarkdownDocument {
    typealias CMarkNode = OpaquePointer

    let root: CMarkNode

    init(_ markdown: String) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SMART) }
        }
    }

    deinit { cmark_node_free(root) }

    /// Every node in document order, collected first so the tree may be changed afterwards.
    func nodes() -> [CMarkNode] {
        var result: [CMarkNode] = []
        guard let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { result.append(node) }
        }
        return result
    }

    /// Raw HTML is left out (cmark's safe mode) unless `unsafe`. cmark's output is valid UTF-8
    /// (its input is a `String`, and it replaces bad sequences), so it is copied as it is.
    func htmlUTF8(unsafe: Bool) -> [UInt8] {
        guard let pointer = cmark_render_html(root, unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return [] }
        defer { free(pointer) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(pointer)))
    }

    // MARK: - Node helpers

    static func type(_ node: CMarkNode) -> cmark_node_type { cmark_node_get_type(node) }

    static func url(_ node: CMarkNode) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// The text of a node and its descendants, collected as bytes and made a `String` once.
    static func plainText(_ node: CMarkNode) -> String {
        var text: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        let newline = UInt8(ascii: "\n")
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let kind = type(child)
            if event == CMARK_EVENT_EXIT {
                // Blocks end with a line break, so paragraphs and list items stay separate words.
                if kind.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && kind.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue,
                   let last = text.last, last != newline {
                    text.append(newline)
                }
                continue
            }
            switch kind {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(child) {
                    text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                                count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.append(UInt8(ascii: " "))
            default: break
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func startLine(_ node: CMarkNode) -> Int {
        var current: CMarkNode? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    static func startColumn(_ node: CMarkNode) -> Int {
        max(1, Int(cmark_node_get_start_column(node)))
    }

    /// Replaces a node by a custom block or inline with its children and `open`/`close` as tags,
    /// which may be set again before another render.
    @discardableResult
    static func wrapInlines(of node: CMarkNode, open: String, close: String, as type: cmark_node_type) -> CMarkNode? {
        guard let custom = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(custom, open)
        cmark_node_set_on_exit(custom, close)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
        return custom
    }
}
