//! A template object: named values, in the order they were set.

/// A name with a hash of its bytes made once (when a template is parsed or a field is set), so
/// that looking it up compares two numbers before it compares text.
struct TemplateKey: Sendable, Equatable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        // FNV-1a. Every non-ASCII name gets 0 and is told apart by `==` alone, which finds a
        // name under either spelling of "é", as a Dictionary does.
        hash = name.utf8.contains { $0 >= 0x80 } ? 0 : name.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.hash == b.hash && a.name == b.name }
}

/// The fields of an object in a template context. A context has a few dozen short names at
/// most, so a scan of one small array finds a name with less work than a dictionary.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable, Equatable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private var fields: [Field] = []

    public init() {}

    public init(_ dictionary: [String: TemplateValue]) {
        fields = dictionary.map { Field(key: TemplateKey($0.key), value: $0.value) }
    }

    /// Later entries replace earlier ones with the same name.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var keys: [String] { fields.map(\.key.name) }

    public subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set { self[TemplateKey(name)] = newValue }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        @inline(__always) get {
            for field in fields where field.key == key { return field.value }
            return nil
        }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(Field(key: key, value: newValue))
            }
        }
    }

    /// Sets every field of `other`, keeping for a name in both what `combine` makes of the two.
    public mutating func merge(_ other: TemplateObject,
                               uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        for field in other.fields {
            self[field.key] = self[field.key].map { combine($0, field.value) } ?? field.value
        }
    }

    public func merging(_ other: TemplateObject,
                        uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateObject {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }

    /// Equal as dictionaries are: the same names with equal values, in any order.
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.fields == b.fields || (a.fields.count == b.fields.count && a.fields.allSatisfy { b[$0.key] == $0.value })
    }
}
