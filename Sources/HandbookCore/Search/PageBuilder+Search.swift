//! Template context for search, "My five" and the tip of the day.

extension PageBuilder {
    /// On every page: the search box in the header, the scripts, and the key under which the
    /// browser keeps this handbook's "My five".
    func searchCommon(root: String, current: PageKind) -> [String: Any] {
        return [
            "search_url": root + SitePaths.search,
            "my_five_url": root + SitePaths.myFive,
            "search_script_url": root + SitePaths.assets + "search.js",
            "five_script_url": root + SitePaths.assets + "five.js",
            // five.js also keeps the header's "My five" count, so every page loads it.
            "uses_five": current != .notFound,
            "is_search": current == .search,
            "is_my_five": current == .myFive,
            // Tip numbers are stable, so the choice survives rebuilds; the title keeps two
            // handbooks opened from the same disk (one file:// origin) apart.
            "site_key": URLSlug.make(handbook.config.title),
        ]
    }

    func search(root: String) -> [String: Any] {
        [
            "page_title": strings["search"] ?? "Search",
            "search_themes": handbook.themes.map { ["slug": $0.slug, "title": $0.title] },
        ]
    }

    func myFive(root: String) -> [String: Any] {
        ["page_title": strings["my_five"] ?? "My five"]
    }
}
