//! A tip: the handbook's unit of advice.

/// A tip from `content/tips/NNN-slug.md`. `number` is its stable id.
///
/// A value like any other, but its fields live in one shared box, copied only when a copy is
/// changed: the build passes tips around far more than it changes them (every page, summary,
/// search entry and booklet entry reads some), and a copy is then one reference count instead
/// of one per text and list field.
public struct Tip: Sendable {
    public var number: Int {
        get { storage.number }
        set { mutableStorage.number = newValue }
    }
    public var title: String {
        get { storage.title }
        set { mutableStorage.title = newValue }
    }
    public var chapter: Int {
        get { storage.chapter }
        set { mutableStorage.chapter = newValue }
    }
    /// Theme slugs, in the order the author gave them.
    public var themes: [String] {
        get { storage.themes }
        set { mutableStorage.themes = newValue }
    }
    public var related: [Int] {
        get { storage.related }
        set { mutableStorage.related = newValue }
    }
    public var summary: String? {
        get { storage.summary }
        set { mutableStorage.summary = newValue }
    }
    /// The loyalty flywheel step (1–6) the tip serves, if any.
    public var flywheelStep: Int? {
        get { storage.flywheelStep }
        set { mutableStorage.flywheelStep = newValue }
    }
    public var draft: Bool {
        get { storage.draft }
        set { mutableStorage.draft = newValue }
    }
    /// The tip's text, as Markdown.
    public var body: String {
        get { storage.body }
        set { mutableStorage.body = newValue }
    }
    public var source: MarkdownSource {
        get { storage.source }
        set { mutableStorage.source = newValue }
    }
    /// File-name slug, used in the tip's URL.
    public var slug: String {
        get { storage.slug }
        set { mutableStorage.slug = newValue }
    }

    public init(number: Int, title: String, chapter: Int, themes: [String], related: [Int] = [],
                summary: String? = nil, flywheelStep: Int? = nil, draft: Bool = false,
                body: String, source: MarkdownSource, slug: String) {
        storage = Storage(number: number, title: title, chapter: chapter, themes: themes, related: related,
                          summary: summary, flywheelStep: flywheelStep, draft: draft, body: body, source: source,
                          slug: slug)
    }

    private var storage: Storage

    /// The box, copied first if another tip shares it.
    private var mutableStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The fields. Changed only through `mutableStorage`, that is only while no other tip
    /// holds the box, so sharing it between threads is safe.
    private final class Storage: @unchecked Sendable {
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

        init(number: Int, title: String, chapter: Int, themes: [String], related: [Int], summary: String?,
             flywheelStep: Int?, draft: Bool, body: String, source: MarkdownSource, slug: String) {
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

        func copy() -> Storage {
            Storage(number: number, title: title, chapter: chapter, themes: themes, related: related, summary: summary,
                    flywheelStep: flywheelStep, draft: draft, body: body, source: source, slug: slug)
        }
    }
}
