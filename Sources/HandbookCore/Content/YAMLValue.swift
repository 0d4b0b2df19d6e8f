//! A located YAML value: what field decoding reads, whether it came from Yams or the flat reader.

import Yams

/// One YAML value and where it was written (1-based line and column within the YAML text).
/// Built directly by `FlatFrontMatter`, or wrapping a Yams node, which is then converted one
/// level at a time as it is read: aliases make a node tree exponentially larger than its text.
struct YAMLValue {
    /// A line and column of the YAML text, both 1-based, columns counted in Unicode scalars.
    struct Mark: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    enum Style: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's text as written (quotes and escapes removed) and whether YAML reads it as null.
    struct Scalar: Equatable, Sendable {
        var text: String
        var style: Style
        var isNull: Bool

        /// Null as Yams' `Node.null` decides it: only an unquoted `~`, `null` or nothing.
        init(text: String, style: Style) {
            self.text = text
            self.style = style
            isNull = style == .plain && Self.isNullWord(text)
        }

        static func isNullWord(_ text: String) -> Bool {
            switch text {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        }
    }

    struct Pair: Equatable {
        var key: YAMLValue
        var value: YAMLValue
    }

    enum Kind: Equatable {
        case scalar(Scalar)
        case sequence([YAMLValue])
        case mapping([Pair])
        case alias
    }

    enum Source {
        case built(Kind, Mark?)
        case yams(Node)
    }

    let source: Source

    init(_ kind: Kind, at mark: Mark?) {
        source = .built(kind, mark)
    }

    init(_ node: Node) {
        source = .yams(node)
    }

    var kind: Kind {
        switch source {
        case .built(let kind, _): return kind
        case .yams(let node): return Self.kind(of: node)
        }
    }

    var mark: Mark? {
        switch source {
        case .built(_, let mark): return mark
        case .yams(let node): return node.mark.map { Mark(line: $0.line, column: $0.column) }
        }
    }

    // MARK: - Typed views

    var scalar: Scalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    var isNull: Bool { scalar?.isNull ?? false }

    var sequence: [YAMLValue]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }
}

extension YAMLValue: Equatable {
    static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        a.mark == b.mark && a.kind == b.kind
    }
}

extension YAMLValue {
    /// One level of a Yams node; its children stay wrapped until they are read.
    private static func kind(of node: Node) -> Kind {
        switch node {
        case .scalar(let scalar):
            var value = Scalar(text: scalar.string, style: style(of: scalar.style))
            value.isNull = node.null != nil
            return .scalar(value)
        case .sequence(let sequence):
            return .sequence(sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            return .mapping(mapping.map { Pair(key: YAMLValue($0.key), value: YAMLValue($0.value)) })
        case .alias:
            return .alias
        }
    }

    private static func style(of style: Node.Scalar.Style) -> Style {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        case .any, .plain: return .plain
        }
    }
}
