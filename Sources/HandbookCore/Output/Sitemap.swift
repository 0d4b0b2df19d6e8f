//! `sitemap.xml` for handbooks that declare their `base_url`.

enum Sitemap {
    static func xml(paths: [String], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTMLEscape.escape(PageBuilder.absolute(path, base: base)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
