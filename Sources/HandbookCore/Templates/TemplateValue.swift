//! The typed values a template renders: a page context converted once from `[String: Any]`.

/// A value in a template context. Sections treat `false`, `.null`, `""`, `0`, `[]` and `[:]` as
/// empty; every other value is shown.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text kept as the UTF-8 bytes it was made as (rendered Markdown from cmark), printed like
    /// `.string`: it never becomes a `String`, whose making would check every byte again.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    case null

    /// Converts a context as `PageBuilder` and `BookletContext` make them: `String`, `Int`,
    /// `Bool`, `[String: Any]`, `[[String: Any]]`, `[String: String]`, `[Any]`, `Optional`
    /// (`nil` becomes `.null`) and `TemplateValue` itself (kept as it is, so a part of a context
    /// that is the same on every page, such as the interface strings, can be converted once).
    /// Any other value becomes its description, as swift-mustache prints it.
    public init(_ any: Any) {
        // Exact type checks first: one metadata comparison each, and no bridging. A cast such
        // as `as? [String: String]` on a `[String: Any]` converts element by element before it
        // can fail, and `as? [String: Any]` on a `[String: String]` copies the dictionary.
        let type = Swift.type(of: any)
        if type == String.self {
            self = .string(any as! String)
        } else if type == [String: Any].self {
            self = .object(TemplateObject((any as! [String: Any]).mapValues(TemplateValue.init)))
        } else if type == Int.self {
            self = .int(any as! Int)
        } else if type == Bool.self {
            self = .bool(any as! Bool)
        } else if type == [[String: Any]].self {
            self = .list((any as! [[String: Any]]).map { .object(TemplateObject($0.mapValues(TemplateValue.init))) })
        } else if type == [String: String].self {
            self = .object(TemplateObject((any as! [String: String]).mapValues(TemplateValue.string)))
        } else if type == [[String: String]].self {
            self = .list((any as! [[String: String]]).map { .object(TemplateObject($0.mapValues(TemplateValue.string))) })
        } else if type == [Any].self {
            self = .list((any as! [Any]).map(TemplateValue.init))
        } else if type == [String].self {
            self = .list((any as! [String]).map(TemplateValue.string))
        } else if type == TemplateValue.self {
            self = any as! TemplateValue
        } else {
            self = Self.converting(any)
        }
    }

    /// The general case: optionals, other collections and scalars, found by casting.
    private static func converting(_ any: Any) -> TemplateValue {
        if let optional = any as? any TemplateOptional {
            guard let wrapped = optional.templateWrapped else { return .null }
            return TemplateValue(wrapped)
        }
        switch any {
        case let value as String: return .string(value)
        case let value as Int: return .int(value)
        case let value as Bool: return .bool(value)
        case let value as [String: TemplateValue]: return .object(TemplateObject(value))
        case let value as TemplateObject: return .object(value)
        case let value as [TemplateValue]: return .list(value)
        case let value as [String: Any]: return .object(TemplateObject(value.mapValues(TemplateValue.init)))
        case let value as [Any]: return .list(value.map(TemplateValue.init))
        case let value as any BinaryInteger: return Int(exactly: value).map(TemplateValue.int) ?? .string("\(value)")
        default: return .string(String(describing: any))
        }
    }

    /// The field `key` of an object; nil for a missing field or a value that is not an object.
    /// A method, so the renderer reads the object where it lies instead of copying it out first.
    @inline(__always)
    func member(_ key: TemplateKey) -> TemplateValue? {
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

    /// The value as plain Swift values (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`), for
    /// template engines that take those: the tests render with swift-mustache as the reference.
    public var plainValue: Any {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.plainValue)
        case .object(let fields): fields.mapValues(\.plainValue)
        case .null: String?.none as Any
        }
    }

    /// The field `key` of an object, or nil.
    public subscript(key: String) -> TemplateValue? {
        member(TemplateKey(key))
    }
}

/// Lets `init(_:)` see through an `Optional` hidden inside `Any`.
private protocol TemplateOptional {
    var templateWrapped: Any? { get }
}

extension Optional: TemplateOptional {
    fileprivate var templateWrapped: Any? { self.map { $0 as Any } }
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
