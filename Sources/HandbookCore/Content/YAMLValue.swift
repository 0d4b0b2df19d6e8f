//! A located YAML value: what field decoding reads, as `LibYAMLReader` builds it.

/// One YAML value and where it was written (1-based line and column within the YAML text).
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

        /// Null as YAML's core schema (and Yams) decides it: only an unquoted `~`, `null` or nothing.
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
    }

    let kind: Kind
    let mark: Mark?

    init(_ kind: Kind, at mark: Mark?) {
        self.kind = kind
        self.mark = mark
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

extension YAMLValue: Equatable {}
