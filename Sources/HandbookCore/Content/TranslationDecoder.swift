//! Decodes a translation's files (`content/nl/…`): only what a translation may change.

/// A translated tip or chapter: its own words; everything else comes from the original.
struct TranslatedText: Sendable {
    var number: Int
    var title: String
    var part: String?
    var summary: String?
    /// The `original_hash` it was written against, and where, if it gives one.
    var originalHash: (value: String, location: SourceLocation)?
    var body: String
    var source: MarkdownSource
    var slug: String
    var numberLocation: SourceLocation
}

/// A translated `handbook.yml`: the words of the settings, the themes' titles by slug.
struct TranslatedConfig: Sendable {
    var title: String
    var subtitle: String?
    var language: String
    var edition: String?
    var introduction: String?
    var introductionLine: Int
    var themes: [(slug: String, title: String, description: String?, location: SourceLocation)]
    var flywheelSteps: [String]
    var source: String
}

enum TranslationDecoder {
    static let tipKeys = ["number", "title", "summary", "original_hash"]
    static let chapterKeys = ["number", "title", "part", "summary", "original_hash"]
    static let configKeys = ["title", "subtitle", "language", "edition", "introduction", "themes", "flywheel"]
    /// Keys of an original that a translation takes over and may not set itself.
    static let inheritedTextKeys = ["chapter", "themes", "related", "flywheel_step", "draft"]
    static let inheritedConfigKeys = ["base_url", "edit_url", "unsafe_html"]

    /// A tip's (`isChapter` false) or a chapter's translation.
    static func text(from file: SourceFile, isChapter: Bool) -> (TranslatedText?, [Diagnostic]) {
        let (parsed, opened, problems) = ContentDecoder.open(file)
        guard var fields = parsed, let frontMatter = opened else { return (nil, problems) }
        rejectKeys(&fields, allowed: isChapter ? chapterKeys : tipKeys, inherited: inheritedTextKeys, kind: isChapter ? "chapter" : "tip")
        let number = fields.int("number", required: true, example: "12")
        let title = fields.string("title", required: true, example: isChapter ? "Effectieve empathie" : "Los het probleem eerst op")
        let part = isChapter ? fields.string("part") : nil
        let summary = fields.string("summary")
        let hash = fields.string("original_hash")
        let diagnostics = fields.diagnostics + ContentDecoder.emptyBodyCheck(frontMatter, file: file, kind: "translation")
        guard let number, let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TranslatedText(number: number, title: title, part: part, summary: summary,
                               originalHash: hash.map { ($0, fields.location(of: fields["original_hash"])) },
                               body: frontMatter.body, source: MarkdownSource(file: file.path, firstLine: frontMatter.bodyLine),
                               slug: ContentDecoder.slug(of: file.path), numberLocation: fields.keyLocation("number")),
                diagnostics)
    }

    static func config(from file: SourceFile) -> (TranslatedConfig?, [Diagnostic]) {
        let (parsed, problems) = YAMLFields.parse(file.text, file: file.path, firstLine: 1)
        guard var fields = parsed else { return (nil, problems) }
        rejectKeys(&fields, allowed: configKeys, inherited: inheritedConfigKeys, kind: "handbook.yml")
        let title = fields.string("title", required: true, example: "Het klantbelevingshandboek")
        let language = fields.string("language", required: true, example: "nl")
        let themes = themeTitles(&fields)
        let config = TranslatedConfig(title: title ?? "", subtitle: fields.string("subtitle"), language: language ?? "",
                                      edition: fields.string("edition"), introduction: fields.string("introduction"),
                                      introductionLine: fields["introduction"]?.mark.map { $0.line + 1 } ?? 1,
                                      themes: themes, flywheelSteps: fields.strings("flywheel")?.map(\.0) ?? [],
                                      source: file.path)
        guard title != nil, language != nil, !fields.diagnostics.hasErrors else { return (nil, fields.diagnostics) }
        return (config, fields.diagnostics)
    }

    private static func themeTitles(_ fields: inout YAMLFields) -> [(slug: String, title: String, description: String?, location: SourceLocation)] {
        let items = fields.mappings("themes", each: "theme", with: "'slug:' and 'title:'",
                                    hint: "list each theme with its 'slug:' (as in the original), 'title:' and 'description:'")
        return (items ?? []).compactMap { item in
            var theme = item
            theme.rejectUnknownKeys(allowed: ["slug", "title", "description"])
            let slug = theme.string("slug", required: true, example: "empathy")
            let title = theme.string("title", required: true, example: "Empathie")
            let description = theme.string("description")
            fields.diagnostics += theme.diagnostics
            guard let slug, let title else { return nil }
            return (slug, title, description, theme.keyLocation("slug"))
        }
    }

    /// Unknown keys are errors; a key the original owns says so.
    private static func rejectKeys(_ fields: inout YAMLFields, allowed: [String], inherited: [String], kind: String) {
        for name in fields.names where inherited.contains(name) {
            fields.report("'\(name)' comes from the original \(kind), not from its translation", at: name,
                          hint: "remove the '\(name):' line here; change it in the original if it must change")
        }
        fields.rejectUnknownKeys(allowed: allowed + inherited)
    }
}
