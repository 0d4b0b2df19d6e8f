//! The template context of the booklet: cover, contents, parts, chapters, tips and theme index.

/// Makes the Mustache context of the booklet from the model and the print-rewritten bodies.
/// Text values are escaped by the template; only `*_html` and `*_css` keys go in raw.
struct BookletContext {
    let handbook: Handbook
    /// Rendered with `BookletLinks`, aligned with the model.
    let tipBodies: [String]
    let chapterBodies: [String]
    let introduction: String?
    let strings: [String: String]
    let links: BookletLinks
    let paper: PaperSize
    let stylesheet: String

    func make() -> [String: Any] {
        let config = handbook.config
        let hasParts = handbook.parts.contains { $0.name != nil }
        var context: [String: Any] = [
            "lang": config.language,
            "title": config.title,
            "book_title": config.title,
            "t": strings,
            "paper": paper.rawValue,
            "paper_label": paper.label,
            "paper_css": paper.css,
            "booklet_css": stylesheet,
            "keywords": handbook.themes.map(\.title).joined(separator: ", "),
            "count_label": "\(count(handbook.tips.count)) · \(handbook.chapters.count) \(strings["chapters"]?.lowercased() ?? "chapters")",
            "parts": handbook.parts.enumerated().map { index, part in
                self.part(index: index, name: part.name, chapters: part.chapters, hasParts: hasParts)
            },
            "themes": handbook.themes.map(themeIndexEntry),
        ]
        if let subtitle = config.subtitle { context["subtitle"] = subtitle }
        if let edition = config.edition { context["edition"] = edition }
        if let introduction {
            context["intro_html"] = introduction
            context["has_intro"] = true
        }
        return context
    }

    // MARK: - Sections

    private func part(index: Int, name: String?, chapters: [Chapter], hasParts: Bool) -> [String: Any] {
        var context: [String: Any] = [
            "has_name": name != nil,
            "anchor": BookletAnchor.part(index),
            "chapters": chapters.map { chapter(chapter: $0, level: hasParts ? 2 : 1) },
        ]
        if let name {
            context["name"] = name
            context["label"] = "\(strings["part"] ?? "Part") \(Self.roman(index + 1))"
        }
        return context
    }

    private func chapter(chapter: Chapter, level: Int) -> [String: Any] {
        let position = handbook.chapters.firstIndex { $0.number == chapter.number } ?? 0
        var context: [String: Any] = [
            "number": chapter.number,
            "title": chapter.title,
            "anchor": BookletAnchor.chapter(chapter.number),
            "bookmark_level": level,
            "intro_html": chapterBodies[position],
            "tips": (handbook.tipsByChapter[chapter.number] ?? []).map { tip(at: $0, level: level + 1) },
        ]
        if let summary = chapter.summary { context["summary"] = summary }
        return context
    }

    private func tip(at position: Int, level: Int) -> [String: Any] {
        let tip = handbook.tips[position]
        var context: [String: Any] = [
            "number": tip.number,
            "title": tip.title,
            "anchor": BookletAnchor.tip(tip.number),
            "bookmark_level": level,
            "bookmark_label": "\(tip.number). \(tip.title)",
            "themes": tip.themes.compactMap(handbook.theme(slug:)).map { ["title": $0.title, "slug": $0.slug] },
            "body_html": tipBodies[position],
            "has_related": !tip.related.isEmpty,
            "related": tip.related.compactMap(handbook.tip(number:)).map(reference),
        ]
        let steps = handbook.config.flywheelSteps
        if let step = tip.flywheelStep, step >= 1, step <= steps.count {
            context["flywheel_step"] = ["number": step, "name": steps[step - 1]] as [String: Any]
        }
        return context
    }

    private func themeIndexEntry(_ theme: Theme) -> [String: Any] {
        [
            "title": theme.title,
            "slug": theme.slug,
            "description": theme.description,
            "anchor": BookletAnchor.theme(theme.slug),
            "count_label": count(handbook.tipsByTheme[theme.slug]?.count ?? 0),
            "tips": handbook.tips(withTheme: theme.slug).map { tip in
                ["number": tip.number, "title": tip.title, "anchor": BookletAnchor.tip(tip.number)] as [String: Any]
            },
        ]
    }

    // MARK: - Pieces

    /// A link to a tip that prints as "Title (tip 12, p. 34)".
    private func reference(_ tip: Tip) -> [String: Any] {
        let anchor = BookletAnchor.tip(tip.number)
        return ["title": tip.title, "anchor": anchor, "ref": links.label(for: .tip(tip.number)) ?? ""]
    }

    private func count(_ number: Int) -> String {
        "\(number) \(number == 1 ? strings["tip_singular"] ?? "tip" : strings["tip_plural"] ?? "tips")"
    }

    static func roman(_ number: Int) -> String {
        let numerals: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number, text = ""
        for (value, letters) in numerals {
            while rest >= value { text += letters; rest -= value }
        }
        return text
    }
}
