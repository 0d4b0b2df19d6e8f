//! The fields of a template object, found by a hash of each name made once.

/// A name as the renderer looks it up: its text and a 64-bit FNV-1a hash of its bytes, made
/// once (when a template is parsed, or a context field is set). An ASCII name is matched on the
/// hash first, then its text; any other name (rare) by `String` equality alone, so that two
/// spellings of "é" still meet as they did in a `Dictionary`.
struct TemplateKey: Sendable, Hashable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        hash = Self.hash(of: name)
    }

    /// Every non-ASCII name gets the same hash, 0, and is then told apart by its text.
    private static func hash(of name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            if byte >= 0x80 { return 0 }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash == 0 ? 1 : hash
    }
}

/// A template object: named values, as a `[String: TemplateValue]` would hold them, kept in one
/// small array in the order they were set. Page contexts have a few dozen fields at most, and
/// the renderer looks names up far more often than contexts are built, so a scan comparing
/// 64-bit hashes beats `Dictionary`, which hashes the name again for every object it tries.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable, Equatable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private var fields: [Field]
    /// One bit per field, chosen by its name's hash (a one-word Bloom filter): a lookup whose bit
    /// is clear skips the object without scanning it. Most lookups miss most objects of the
    /// context stack (the page's own fields, then the shared ones), so this saves most scans.
    private var keyBits: UInt64

    public init() {
        fields = []
        keyBits = 0
    }

    public init(_ dictionary: [String: TemplateValue]) {
        let fields = dictionary.map { Field(key: TemplateKey($0.key), value: $0.value) }
        self.fields = fields
        keyBits = Self.keyBits(of: fields)
    }

    /// Later entries replace earlier ones with the same name.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = []
        keyBits = 0
        fields.reserveCapacity(elements.count)
        // Each value is moved out of the literal's array (swapped with an empty one) instead of
        // copied: a retain and a release saved for every field of every page's context.
        var elements = elements
        for index in elements.indices {
            var element: (String, TemplateValue) = ("", .null)
            swap(&element, &elements[index])
            self[TemplateKey(element.0)] = element.1
        }
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    public var keys: [String] { fields.map(\.key.name) }

    public subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set { self[TemplateKey(name)] = newValue }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        get { position(of: key).map { fields[$0].value } }
        // Not a `switch` over `(position, newValue)`: the tuple would copy (retain) the value.
        set {
            if let index = position(of: key) {
                if let newValue {
                    fields[index].value = newValue
                } else {
                    fields.remove(at: index)
                    keyBits = Self.keyBits(of: fields)
                }
            } else if let newValue {
                fields.append(Field(key: key, value: newValue))
                keyBits |= Self.bit(key)
            }
        }
    }

    @inline(__always)
    private static func bit(_ key: TemplateKey) -> UInt64 {
        1 &<< (key.hash &>> 58)
    }

    private static func keyBits(of fields: [Field]) -> UInt64 {
        fields.reduce(0) { $0 | bit($1.key) }
    }

    private func position(of key: TemplateKey) -> Int? {
        guard keyBits & Self.bit(key) != 0 else { return nil }
        for index in fields.indices where fields[index].key.hash == key.hash && fields[index].key.name == key.name {
            return index
        }
        return nil
    }

    /// Sets every field of `other`, keeping for a name in both what `combine` makes of the two.
    public mutating func merge(_ other: TemplateObject,
                               uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        for field in other.fields {
            if let index = position(of: field.key) {
                fields[index].value = combine(fields[index].value, field.value)
            } else {
                fields.append(field)
                keyBits |= Self.bit(field.key)
            }
        }
    }

    public func merging(_ other: TemplateObject,
                        uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateObject {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }

    public func mapValues<T>(_ transform: (TemplateValue) -> T) -> [String: T] {
        Dictionary(fields.map { ($0.key.name, transform($0.value)) }, uniquingKeysWith: { _, last in last })
    }

    /// Equal when they hold the same names with equal values, in any order (as dictionaries
    /// are). Objects built alike, or shared, compare in one pass (or by identity).
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        if a.fields == b.fields { return true }
        guard a.fields.count == b.fields.count else { return false }
        return a.fields.allSatisfy { field in b[field.key] == field.value }
    }
}
