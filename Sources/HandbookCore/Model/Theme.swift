//! A handbook theme: one of the content categories (leadership, empathy, …), not the visual theme.

/// A theme declared in `handbook.yml`. Every tip carries one or more; each gets an index page.
public struct Theme: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var description: String
    /// Position in `handbook.yml`, which is the order in which themes are shown.
    public var order: Int

    public init(slug: String, title: String, description: String, order: Int) {
        self.slug = slug
        self.title = title
        self.description = description
        self.order = order
    }
}
