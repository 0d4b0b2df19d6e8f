//! A theme's strings file (`strings/<lang>.yml`): `key: text` lines read into a dictionary.

enum StringsFile {
    /// The entries, each value as written (`1.50` stays `1.50`, `~` stays `~`); nil for YAML that is not
    /// a mapping of texts, each key once. Throws libyaml's error for text that is not YAML.
    static func entries(of text: String) throws(YAMLSyntaxError) -> [String: String]? {
        guard let pairs = try LibYAMLReader.read(text)?.mapping else { return nil }
        var entries: [String: String] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text, entries[key] == nil else { return nil }
            entries[key] = value
        }
        return entries
    }

    /// The entries of the strings file shown as `file`, or the problem that makes it unreadable,
    /// at libyaml's line and column when the text is not YAML.
    static func read(_ text: String, file: String) -> Result<[String: String], Diagnostic> {
        do {
            guard let entries = try entries(of: text) else {
                return .failure(.error("strings file must be 'key: text' lines", at: SourceLocation(file: file)))
            }
            return .success(entries)
        } catch {
            return .failure(YAMLFields.diagnostic(for: error, file: file, lineOffset: 0))
        }
    }
}
