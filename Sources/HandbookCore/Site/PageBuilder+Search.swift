//! Template context for search, "My five" and the tip of the day.

extension PageBuilder {
    /// On every page: the header's search box, the scripts, and the key of this handbook's "My five".
    func searchCommon(root: String, current: PageKind?, siteKey: String) -> TemplateObject {
        [
            "search_url": .string(root + SitePaths.search),
            "my_five_url": .string(root + SitePaths.myFive),
            "search_script_url": .string(root + SitePaths.assets + "search.js"),
            "five_script_url": .string(root + SitePaths.assets + "five.js"),
            // five.js also keeps the header's "My five" count, so every page loads it.
            "uses_five": .bool(current != .notFound),
            "is_search": .bool(current == .search),
            "is_my_five": .bool(current == .myFive),
            // Tip numbers are stable, so the choice survives rebuilds; the title keeps two
            // handbooks opened from the same disk (one file:// origin) apart.
            "site_key": .string(siteKey),
        ]
    }

    func search(root: String) -> TemplateObject {
        [
            "page_title": .string(strings["search"] ?? "Search"),
            "search_themes": .list(handbook.themes.map { .object(["slug": .string($0.slug), "title": .string($0.title)]) }),
        ]
    }

    func myFive(root: String) -> TemplateObject {
        ["page_title": .string(strings["my_five"] ?? "My five")]
    }
}
