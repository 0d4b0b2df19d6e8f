//! The template context of the booklet: cover, contents, parts, chapters, tips and theme index.

/// The booklet's context; text values are escaped by the template, only `*_html` and `*_css` go in raw.
struct BookletContext {
    let handbook: Handbook
    /// Rendered with `BookletLinks`, aligned with the model, as UTF-8 HTML.
    let tipBodies: [[UInt8]]
    let chapterBodies: [[UInt8]]
    let introduction: [UInt8]?
    let strings: [String: String]
    let links: BookletLinks
    let paper: PaperSize
    let stylesheet: String
    /// The theme's `@font-face` rules.
    var fonts = ""

    func make() -> TemplateValue {
        let config = handbook.config
        let hasParts = handbook.parts.contains { $0.name != nil }
        let chapterPositions = Dictionary(handbook.chapters.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        var context: TemplateObject = [
            "lang": .string(config.language),
            "title": .string(config.title),
            "book_title": .string(config.title),
            "t": .object(TemplateObject(strings.mapValues(TemplateValue.string))),
            "paper": .string(paper.rawValue),
            "paper_label": .string(paper.label),
            "paper_css": .string(paper.css),
            "booklet_css": .string(stylesheet),
            "fonts_css": .string(fonts),
            "keywords": .string(handbook.themes.map(\.title).joined(separator: ", ")),
            "count_label": .string("\(count(handbook.tips.count)) · \(handbook.chapters.count) \(strings["chapters"]?.lowercased() ?? "chapters")"),
            "parts": .list(handbook.parts.enumerated().map { index, part in
                self.part(index: index, name: part.name, chapters: part.chapters, hasParts: hasParts, positions: chapterPositions)
            }),
            "themes": .list(handbook.themes.map { themeIndexEntry($0) }),
        ]
        if let subtitle = config.subtitle { context["subtitle"] = .string(subtitle) }
        if let assessment = assessmentContext() { context["assessment"] = assessment }
        if let edition = config.edition { context["edition"] = .string(edition) }
        if let introduction {
            context["intro_html"] = .utf8(introduction)
            context["has_intro"] = true
        }
        return .object(context)
    }

    // MARK: - Sections

    private func part(index: Int, name: String?, chapters: [Chapter], hasParts: Bool, positions: [Int: Int]) -> TemplateValue {
        var context: TemplateObject = [
            "has_name": .bool(name != nil),
            "anchor": .string(BookletAnchor.part(index)),
            "chapters": .list(chapters.map { chapter(chapter: $0, position: positions[$0.number] ?? 0, level: hasParts ? 2 : 1) }),
        ]
        if let name {
            context["name"] = .string(name)
            context["label"] = .string("\(strings["part"] ?? "Part") \(Self.roman(index + 1))")
        }
        return .object(context)
    }

    private func chapter(chapter: Chapter, position: Int, level: Int) -> TemplateValue {
        var context = chapter.templateFields
        context.merge([
            "anchor": .string(BookletAnchor.chapter(chapter.number)),
            "bookmark_level": .int(level),
            "intro_html": .utf8(chapterBodies[position]),
            "tips": .list((handbook.tipsByChapter[chapter.number] ?? []).map { tip(at: $0, level: level + 1) }),
        ]) { $1 }
        return .object(context)
    }

    private func tip(at position: Int, level: Int) -> TemplateValue {
        let tip = handbook.tips[position]
        var context = tip.templateFields
        context.merge([
            "anchor": .string(BookletAnchor.tip(tip.number)),
            "bookmark_level": .int(level),
            "bookmark_label": .string("\(tip.number). \(tip.title)"),
            // Closures, not `handbook.theme(slug:)`: a method reference would copy the whole
            // handbook (and `tip(number:)` each related tip) for every tip of the booklet.
            "themes": .list(tip.themes.compactMap { handbook.theme(slug: $0) }.map {
                .object(["title": .string($0.title), "slug": .string($0.slug)])
            }),
            "body_html": .utf8(tipBodies[position]),
            "has_related": .bool(!tip.related.isEmpty),
            "related": .list(tip.related.compactMap { handbook.tipPosition(number: $0) }.map { reference($0) }),
        ]) { $1 }
        let steps = handbook.config.flywheelSteps
        if let step = tip.flywheelStep, step >= 1, step <= steps.count {
            context["flywheel_step"] = .object(["number": .int(step), "name": .string(steps[step - 1])])
        }
        return .object(context)
    }

    private func themeIndexEntry(_ theme: Theme) -> TemplateValue {
        .object([
            "title": .string(theme.title),
            "slug": .string(theme.slug),
            "description": .string(theme.description),
            "anchor": .string(BookletAnchor.theme(theme.slug)),
            "count_label": .string(count(handbook.tipsByTheme[theme.slug]?.count ?? 0)),
            "tips": .list((handbook.tipsByTheme[theme.slug] ?? []).map { position in
                let number = handbook.tips[position].number
                return .object(["number": .int(number), "title": .string(handbook.tips[position].title),
                                "anchor": .string(BookletAnchor.tip(number))])
            }),
        ])
    }

    // MARK: - Pieces

    /// A link to a tip that prints as "Title (tip 12, p. 34)".
    private func reference(_ position: Int) -> TemplateValue {
        let number = handbook.tips[position].number
        return .object(["title": .string(handbook.tips[position].title), "anchor": .string(BookletAnchor.tip(number)),
                        "ref": .string(links.label(for: .tip(number)) ?? "")])
    }

    private func count(_ number: Int) -> String { PageBuilder.countLabel(number, strings: strings) }

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
