//! A handbook theme: one of the content categories (leadership, empathy, …), not the visual theme.

/// A theme declared in `handbook.yml`. Every tip carries one or more; each gets an index page.
public struct Theme: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var description: String
    /// Where the theme is shown among the others: its `order:` when given, else its place in `handbook.yml`.
    public var order: Int

    public init(slug: String, title: String, description: String, order: Int) {
        self.slug = slug
        self.title = title
        self.description = description
        self.order = order
    }
}
