//! The typed values a template renders.

/// A value in a template context. Sections treat `false`, `.null`, `""`, `0`, `[]` and `[:]` as
/// empty; every other value is shown.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text kept as the UTF-8 bytes it was made as (rendered Markdown from cmark), printed like
    /// `.string` without becoming a `String` first.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    case null

    /// The field `name` of an object; nil for a missing field or a value that is not an object.
    public subscript(name: String) -> TemplateValue? {
        self[TemplateKey(name)]
    }

    @inline(__always)  // read in place: a call would copy the object out first
    subscript(key: TemplateKey) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Whether a section shows its content: not `false`, `.null` or empty.
    public var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .utf8(let bytes): !bytes.isEmpty
        case .int(let number): number != 0
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object(let fields): !fields.isEmpty
        case .null: false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
