//! A tip: the handbook's unit of advice.

/// A tip from `content/tips/NNN-slug.md`. `number` is its stable id.
public struct Tip: Sendable {
    public var number: Int
    public var title: String
    public var chapter: Int
    /// Theme slugs, in the order the author gave them.
    public var themes: [String]
    public var related: [Int]
    public var summary: String?
    /// The loyalty flywheel step (1–6) the tip serves, if any.
    public var flywheelStep: Int?
    public var draft: Bool
    /// The tip's text, as Markdown.
    public var body: String
    public var source: MarkdownSource
    /// File-name slug, used in the tip's URL.
    public var slug: String
    /// In a translation, the language of a tip not translated yet, whose original text it shows.
    public var textLanguage: String?

    public init(number: Int, title: String, chapter: Int, themes: [String], related: [Int] = [],
                summary: String? = nil, flywheelStep: Int? = nil, draft: Bool = false,
                body: String, source: MarkdownSource, slug: String) {
        self.number = number
        self.title = title
        self.chapter = chapter
        self.themes = themes
        self.related = related
        self.summary = summary
        self.flywheelStep = flywheelStep
        self.draft = draft
        self.body = body
        self.source = source
        self.slug = slug
    }
}

extension Tip {
    /// What templates see of the tip's own front matter (`{{tip.title}}` on its page, `{{title}}`
    /// in a list of tips): a new field shows in the templates once it is added here.
    var templateFields: TemplateObject {
        var fields: TemplateObject = ["number": .int(number), "title": .string(title)]
        if let summary { fields["summary"] = .string(summary) }
        if let textLanguage { fields["text_lang"] = .string(textLanguage) }
        return fields
    }
}
