//! A chapter: a numbered group of tips with an introduction.

/// A chapter from `content/chapters/NN-slug.md`.
public struct Chapter: Sendable {
    public var number: Int
    public var title: String
    /// The part of the handbook the chapter belongs to ("The clear diamond"), if parts are used.
    public var part: String?
    public var summary: String?
    /// The introduction, as Markdown.
    public var body: String
    public var source: MarkdownSource
    /// File-name slug, used in the chapter's URL.
    public var slug: String
    /// In a translation, the language of a chapter not translated yet, whose original text it shows.
    public var textLanguage: String?

    public init(number: Int, title: String, part: String? = nil, summary: String? = nil,
                body: String, source: MarkdownSource, slug: String) {
        self.number = number
        self.title = title
        self.part = part
        self.summary = summary
        self.body = body
        self.source = source
        self.slug = slug
    }
}

extension Chapter {
    /// What templates see of the chapter's own front matter (`{{chapter.title}}`).
    var templateFields: TemplateObject {
        var fields: TemplateObject = ["number": .int(number), "title": .string(title)]
        if let summary { fields["summary"] = .string(summary) }
        if let part { fields["part"] = .string(part) }
        if let textLanguage { fields["text_lang"] = .string(textLanguage) }
        return fields
    }
}

/// Where a Markdown body came from: its file and the file line of its first line.
public struct MarkdownSource: Sendable, Hashable {
    public var file: String
    public var firstLine: Int

    public init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }
}
