//! Typed access to a YAML mapping's fields, turning every surprise into a located diagnostic.

/// The fields of one YAML mapping (front matter, `handbook.yml`, a theme in it), each value
/// keeping the line it came from.
struct YAMLFields {
    let file: String
    /// Added to a libyaml line (1-based within the YAML text) to get the file's line.
    let lineOffset: Int
    let mappingLocation: SourceLocation
    /// In the order written. A front matter has a handful of keys, so a list searched by name
    /// costs less than a `Dictionary`, which hashes and allocates per file.
    private var pairs: [(name: String, key: YAMLValue, value: YAMLValue)] = []
    var diagnostics: [Diagnostic] = []

    /// Parses `yaml`, whose first line is line `firstLine` of `file`; nil (with the diagnostics)
    /// when the text is not a YAML mapping.
    static func parse(_ yaml: String, file: String, firstLine: Int) -> (YAMLFields?, [Diagnostic]) {
        let offset = firstLine - 1
        let root: YAMLValue?
        do {
            root = try LibYAMLReader.read(withoutUnicodeLineBreaks(yaml))
        } catch {
            return (nil, [diagnostic(for: error, file: file, lineOffset: offset)])
        }
        guard let value = root else {
            return (nil, [.error(
                "front matter is empty",
                at: SourceLocation(file: file, line: max(1, firstLine - 1), column: 1),
                hint: "add at least the required fields, for example 'number:' and 'title:'")])
        }
        guard let mapping = value.mapping else {
            let mark = value.mark
            return (nil, [.error(
                "expected 'key: value' fields, found \(describe(value))",
                at: SourceLocation(file: file, line: (mark?.line ?? 1) + offset, column: mark?.column ?? 1))])
        }
        return (YAMLFields(mapping, file: file, lineOffset: offset, at: SourceLocation(file: file, line: firstLine, column: 1)), [])
    }

    private init(_ mapping: [YAMLValue.Pair], file: String, lineOffset: Int, at location: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        mappingLocation = location
        for pair in mapping {
            guard let name = pair.key.scalar?.text else {
                diagnostics.append(.error("a key must be a plain word", at: self.location(of: pair.key)))
                continue
            }
            if self[name] != nil {
                diagnostics.append(.error("duplicate key '\(name)'", at: self.location(of: pair.key),
                                          hint: "keep one '\(name):' line and delete the other"))
                continue
            }
            pairs.append((name, pair.key, pair.value))
        }
    }

    subscript(name: String) -> YAMLValue? {
        pairs.first { $0.name == name }?.value
    }

    var names: [String] { pairs.map(\.name) }

    func location(of node: YAMLValue?) -> SourceLocation {
        guard let mark = node?.mark else { return mappingLocation }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func keyLocation(_ name: String) -> SourceLocation {
        location(of: pairs.first { $0.name == name }?.key)
    }

    // MARK: - Checks

    /// Reports keys that are not in `allowed`, with the nearest allowed key as a hint.
    mutating func rejectUnknownKeys(allowed: [String]) {
        for name in names.sorted() where !allowed.contains(name) {
            let hint = Suggestion.didYouMean(name, in: allowed)
                ?? "allowed keys are \(allowed.joined(separator: ", "))"
            diagnostics.append(.error("unknown key '\(name)'", at: keyLocation(name), hint: hint))
        }
    }

    mutating func report(_ message: String, at key: String, hint: String? = nil) {
        diagnostics.append(.error(message, at: location(of: self[key]), hint: hint))
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(.error("missing required field '\(key)'", at: mappingLocation,
                                  hint: "add a line '\(key): \(example)' to the front matter"))
    }

    // MARK: - Typed getters (each reports its own problem and returns nil)

    mutating func string(_ key: String, required: Bool = false, example: String = "…") -> String? {
        guard let node = self[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let scalar = node.scalar else {
            report("'\(key)' must be text, found \(Self.describe(node))", at: key, hint: "write it as '\(key): \(example)'")
            return nil
        }
        let text = node.isNull ? "" : scalar.text.trimmingWhitespace()
        if text.isEmpty {
            if required { report("'\(key)' is empty", at: key, hint: "write it as '\(key): \(example)'") }
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required: Bool = false, example: String = "1") -> Int? {
        guard let node = self[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let value = Self.integer(node) else {
            report("'\(key)' must be a whole number, found \(Self.describe(node))", at: key,
                   hint: "write it as digits, for example '\(key): \(example)'")
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = self[key] else { return nil }
        guard let scalar = node.scalar, let value = Bool(scalar.text.lowercased()) else {
            report("'\(key)' must be true or false, found \(Self.describe(node))", at: key)
            return nil
        }
        return value
    }

    /// A list of text items; a single scalar is accepted as a one-item list.
    mutating func strings(_ key: String, required: Bool = false, example: String = "[…]") -> [(String, SourceLocation)]? {
        guard let node = self[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        if let scalar = node.scalar {
            if node.isNull { return [] }
            return [(scalar.text.trimmingWhitespace(), location(of: node))]
        }
        guard let sequence = node.sequence else {
            report("'\(key)' must be a list, found \(Self.describe(node))", at: key, hint: "write it as '\(key): \(example)'")
            return nil
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(.error("each item of '\(key)' must be a single value, found \(Self.describe(item))",
                                          at: location(of: item)))
                return nil
            }
            items.append((scalar.text.trimmingWhitespace(), location(of: item)))
        }
        return items
    }

    /// A list of whole numbers; a single number is accepted as a one-item list.
    mutating func ints(_ key: String, example: String = "[1, 2]") -> [(Int, SourceLocation)]? {
        guard let node = self[key] else { return nil }
        if node.isNull { return [] }
        let items = node.sequence ?? [node]
        if node.mapping != nil {
            report("'\(key)' must be a list of numbers, found \(Self.describe(node))", at: key, hint: "write it as '\(key): \(example)'")
            return nil
        }
        var numbers: [(Int, SourceLocation)] = []
        for item in items {
            guard let value = Self.integer(item) else {
                diagnostics.append(.error("each item of '\(key)' must be a whole number, found \(Self.describe(item))",
                                          at: location(of: item), hint: "write it as '\(key): \(example)'"))
                return nil
            }
            numbers.append((value, location(of: item)))
        }
        return numbers
    }

    /// The list `key` whose items are mappings (themes, groups, statements), each read as fields
    /// of its own. nil when the list is missing (an error if `missingHint` says how to add it) or
    /// not a list (empty counts as not a list when `nonEmpty`).
    mutating func mappings(_ key: String, each item: String, with itemKeys: String, missingHint: String? = nil,
                           hint: String? = nil, nonEmpty: Bool = false) -> [YAMLFields]? {
        guard let node = self[key] else {
            if let missingHint {
                diagnostics.append(.error("missing required field '\(key)'", at: mappingLocation, hint: missingHint))
            }
            return nil
        }
        guard let sequence = node.sequence, !(nonEmpty && sequence.isEmpty) else {
            diagnostics.append(.error("'\(key)' must be a list of \(key), found \(Self.describe(node))",
                                      at: location(of: node), hint: hint))
            return nil
        }
        var items: [YAMLFields] = []
        for value in sequence {
            guard let mapping = value.mapping else {
                diagnostics.append(.error("each \(item) must have \(itemKeys)", at: location(of: value)))
                continue
            }
            items.append(YAMLFields(mapping, file: file, lineOffset: lineOffset, at: location(of: value)))
        }
        return items
    }

    // MARK: - Helpers

    /// Accepts `12` and also `"12"`: a quoted number is what people mean.
    private static func integer(_ node: YAMLValue) -> Int? {
        guard let scalar = node.scalar else { return nil }
        return Int(scalar.text.trimmingWhitespace())
    }

    static func describe(_ node: YAMLValue) -> String {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.isNull { return "nothing" }
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(40)) + "…" : scalar.text
            return "'\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a set of 'key: value' fields"
        }
    }

    /// YAML breaks lines at U+2028, U+2029 and U+0085 too, where an editor shows one line: as
    /// spaces they keep every line number the editor's.
    static func withoutUnicodeLineBreaks(_ yaml: String) -> String {
        guard yaml.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }) else { return yaml }
        guard yaml.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) else { return yaml }
        var result = String.UnicodeScalarView()
        for scalar in yaml.unicodeScalars {
            result.append(scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" ? " " : scalar)
        }
        return String(result)
    }

    /// libyaml's problem at its place; a repeated key is not one (`init` reports it where it is repeated).
    static func diagnostic(for error: YAMLSyntaxError, file: String, lineOffset: Int) -> Diagnostic {
        let hint: String?
        switch error.stage {
        case .reader: hint = error.problem.contains("control characters") ? "remove the invisible control character at that place" : nil
        case .memory: hint = nil
        case .scanner, .parser, .composer: hint = yamlHint(error.problem)
        }
        return .error("invalid YAML: \(error.problem)",
                      at: SourceLocation(file: file, line: error.mark.line + lineOffset, column: error.mark.column), hint: hint)
    }

    private static func yamlHint(_ problem: String) -> String? {
        if problem.contains("tab") { return "YAML indents with spaces; replace the tab characters with spaces" }
        if problem.contains("mapping values") { return "a value containing ': ' must be put in quotes" }
        return "check the indentation and quote values that contain ':' or '#'"
    }
}
