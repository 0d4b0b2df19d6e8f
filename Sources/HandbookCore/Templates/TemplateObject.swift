//! A template object: named values, in the order they were set.

/// The fields of an object in a template context, as a `[String: TemplateValue]` would hold
/// them. A context has a few dozen short names at most, so a scan of one small array finds a
/// name with less work than hashing it.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable, Equatable {
        let name: String
        var value: TemplateValue
    }

    private var fields: [Field] = []

    public init() {}

    public init(_ dictionary: [String: TemplateValue]) {
        for (name, value) in dictionary { self[name] = value }
    }

    /// Later entries replace earlier ones with the same name.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var keys: [String] { fields.map(\.name) }

    public subscript(name: String) -> TemplateValue? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Sets every field of `other`, keeping for a name in both what `combine` makes of the two.
    public mutating func merge(_ other: TemplateObject,
                               uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        for field in other.fields {
            self[field.name] = self[field.name].map { combine($0, field.value) } ?? field.value
        }
    }

    public func merging(_ other: TemplateObject,
                        uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateObject {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }

    /// Equal when they hold the same names with equal values, in any order, as dictionaries are.
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.fields.count == b.fields.count && a.fields.allSatisfy { b[$0.name] == $0.value }
    }
}
