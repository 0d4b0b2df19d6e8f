//! A theme's strings file (`strings/<lang>.yml`): `key: text` lines read into a dictionary.

import Yams

enum StringsFile {
    /// The file's entries, every value as the text written (`1.50` stays `1.50`, `~` stays `~`);
    /// nil when the text is YAML but not a mapping. Throws Yams' error for text that is not YAML.
    /// A file of plain `key: text` lines, as the default theme's are, is read by the flat reader
    /// of front matter, without Yams and its first-use costs; anything else goes to Yams.
    static func entries(of text: String) throws -> [String: String]? {
        if let pairs = FlatFrontMatter.parse(text), let entries = flatEntries(pairs) { return entries }
        // `.basic`: strings are text, read as written.
        guard let map = try Yams.load(yaml: text, .basic) as? [String: Any] else { return nil }
        return map.mapValues { "\($0)" }
    }

    /// The pairs as text, or nil when a value is a list (left to Yams, which reads it as one).
    private static func flatEntries(_ pairs: [YAMLValue.Pair]) -> [String: String]? {
        var entries: [String: String] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { return nil }
            entries[key] = value
        }
        return entries
    }
}
