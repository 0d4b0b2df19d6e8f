//! A tip: the handbook's unit of advice.

/// A tip from `content/tips/NNN-slug.md`. `number` is its stable id.
///
/// A value like any other; its fields sit in one `CopyOnWrite` box, so a copy is one reference
/// count instead of one per text and list field.
public struct Tip: Sendable {
    public var number: Int {
        get { fields.value.number }
        set { fields.value.number = newValue }
    }
    public var title: String {
        get { fields.value.title }
        set { fields.value.title = newValue }
    }
    public var chapter: Int {
        get { fields.value.chapter }
        set { fields.value.chapter = newValue }
    }
    /// Theme slugs, in the order the author gave them.
    public var themes: [String] {
        get { fields.value.themes }
        set { fields.value.themes = newValue }
    }
    public var related: [Int] {
        get { fields.value.related }
        set { fields.value.related = newValue }
    }
    public var summary: String? {
        get { fields.value.summary }
        set { fields.value.summary = newValue }
    }
    /// The loyalty flywheel step (1–6) the tip serves, if any.
    public var flywheelStep: Int? {
        get { fields.value.flywheelStep }
        set { fields.value.flywheelStep = newValue }
    }
    public var draft: Bool {
        get { fields.value.draft }
        set { fields.value.draft = newValue }
    }
    /// The tip's text, as Markdown.
    public var body: String {
        get { fields.value.body }
        set { fields.value.body = newValue }
    }
    public var source: MarkdownSource {
        get { fields.value.source }
        set { fields.value.source = newValue }
    }
    /// File-name slug, used in the tip's URL.
    public var slug: String {
        get { fields.value.slug }
        set { fields.value.slug = newValue }
    }

    public init(number: Int, title: String, chapter: Int, themes: [String], related: [Int] = [],
                summary: String? = nil, flywheelStep: Int? = nil, draft: Bool = false,
                body: String, source: MarkdownSource, slug: String) {
        fields = CopyOnWrite(Fields(number: number, title: title, chapter: chapter, themes: themes, related: related,
                                    summary: summary, flywheelStep: flywheelStep, draft: draft, body: body,
                                    source: source, slug: slug))
    }

    private struct Fields: Sendable {
        var number: Int
        var title: String
        var chapter: Int
        var themes: [String]
        var related: [Int]
        var summary: String?
        var flywheelStep: Int?
        var draft: Bool
        var body: String
        var source: MarkdownSource
        var slug: String
    }

    private var fields: CopyOnWrite<Fields>
}
