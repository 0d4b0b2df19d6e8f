//! The settings in `content/handbook.yml`.

/// Site-wide settings and the declared themes and flywheel steps.
public struct HandbookConfig: Sendable {
    public var title: String
    public var subtitle: String?
    /// Language code of the interface strings (`en`, `nl`, …).
    public var language: String
    /// Shown on the booklet cover, e.g. "First edition, 2026".
    public var edition: String?
    /// Markdown shown on the home page.
    public var introduction: String?
    /// The line of `introduction` in `handbook.yml`, so link errors in it point to the right line.
    public var introductionLine: Int
    /// Absolute URL of the published site, for `sitemap.xml` and canonical links.
    public var baseURL: String?
    /// Absolute URL under which the content folder's files can be edited (a Git host's edit
    /// view); a page's "Edit this page" link is this followed by its file's path.
    public var editURL: String?
    /// Where `editURL` takes the file's path, if not at its end.
    public static let editPathPlaceholder = "{path}"
    public var themes: [Theme]
    /// Names of the six loyalty flywheel steps, in order.
    public var flywheelSteps: [String]
    /// Let raw HTML in Markdown through (dropped by default).
    public var unsafeHTML: Bool
    /// The path of `handbook.yml` as shown in messages.
    public var sourceFile: String = "handbook.yml"
    /// Where each theme's `slug:` is written, for messages about the theme.
    public var themeLocations: [String: SourceLocation] = [:]

    public init(title: String, subtitle: String? = nil, language: String = "en", edition: String? = nil,
                introduction: String? = nil, introductionLine: Int = 1, baseURL: String? = nil,
                editURL: String? = nil, themes: [Theme], flywheelSteps: [String] = [], unsafeHTML: Bool = false) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.edition = edition
        self.introduction = introduction
        self.introductionLine = introductionLine
        self.baseURL = baseURL
        self.editURL = editURL
        self.themes = themes
        self.flywheelSteps = flywheelSteps
        self.unsafeHTML = unsafeHTML
    }
}
