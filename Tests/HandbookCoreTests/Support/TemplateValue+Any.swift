//! Template contexts as plain Swift values, for the tests: swift-mustache, the reference the
//! theme's renderer is checked against, takes `[String: Any]`.

@testable import HandbookCore

extension TemplateValue {
    /// Converts `String`, `Int`, `Bool`, dictionaries and arrays of them, optionals (`nil` becomes
    /// `.null`) and `TemplateValue` itself; any other value becomes its description, as
    /// swift-mustache prints it.
    init(_ any: Any) {
        if let optional = any as? any TemplateOptional {
            guard let wrapped = optional.templateWrapped else {
                self = .null
                return
            }
            self.init(wrapped)
            return
        }
        switch any {
        case let value as TemplateValue: self = value
        case let value as String: self = .string(value)
        case let value as Int: self = .int(value)
        case let value as Bool: self = .bool(value)
        case let value as TemplateObject: self = .object(value)
        case let value as [String: Any]: self = .object(TemplateObject(value.mapValues(TemplateValue.init)))
        case let value as [Any]: self = .list(value.map(TemplateValue.init))
        case let value as any BinaryInteger: self = Int(exactly: value).map(TemplateValue.int) ?? .string("\(value)")
        default: self = .string(String(describing: any))
        }
    }

    /// The value as plain Swift values, for swift-mustache.
    var plainValue: Any {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.plainValue)
        case .object(let fields): Dictionary(uniqueKeysWithValues: fields.keys.map { ($0, fields[$0]!.plainValue) })
        case .null: String?.none as Any
        }
    }
}

extension TemplateLibrary {
    func render(_ name: String, _ context: [String: Any]) -> String? {
        render(name, TemplateValue(context))
    }
}

/// Lets `init(_:)` see through an `Optional` hidden inside `Any`.
protocol TemplateOptional {
    var templateWrapped: Any? { get }
}

extension Optional: TemplateOptional {
    var templateWrapped: Any? { self.map { $0 as Any } }
}
