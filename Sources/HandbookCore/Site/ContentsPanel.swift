//! The contents panel: parts, chapters and the open chapter's tips, the current page marked.

/// `partials/contents` rendered once per chapter (that chapter open) and once per page depth, not
/// once per page: a page takes its copy and marks its own link (`data-toc`) with `aria-current="page"`.
struct ContentsPanel: Sendable {
    static let partial = "partials/contents"
    /// With more chapters than this the panel shows a window of chapters around the open one.
    static let allChaptersLimit = 40
    static let windowRadius = 5

    private let chapterPanels: [[UInt8]]
    private let closedPanels: [String: [UInt8]]

    /// Nil when the theme has no `partials/contents`: pages then have no panel.
    init?(handbook: Handbook, theme: SiteTheme, strings: TemplateValue) throws {
        guard theme.library.hasTemplate(Self.partial) else { return nil }
        func render(open: Int?, root: String) throws -> [UInt8] {
            var output: [UInt8] = []
            try theme.render(Self.partial, layers: [Self.context(handbook, open: open, root: root, strings: strings)], into: &output)
            return output
        }
        chapterPanels = try handbook.chapters.indices.map { try render(open: $0, root: "../") }
        closedPanels = ["": try render(open: nil, root: ""), "../": try render(open: nil, root: "../")]
    }

    /// The panel for `page`, its link marked; nil for the pages that show no panel.
    func html(for page: PageKind, in handbook: Handbook, root: String) -> [UInt8]? {
        switch page {
        case .notFound: return nil
        // The home page lists the contents itself; its panel is the phone's drawer only.
        case .home: return closedPanels[root].map { Self.marking("home", in: $0) }
        case .tip(let index):
            guard let chapter = handbook.chapterPosition(number: handbook.tips[index].chapter) else { return closedPanels[root] }
            return Self.marking("t\(handbook.tips[index].number)", in: chapterPanels[chapter])
        case .chapter(let index): return Self.marking("c\(handbook.chapters[index].number)", in: chapterPanels[index])
        case .allTips: return closedPanels[root].map { Self.marking("all", in: $0) }
        case .myFive: return closedPanels[root].map { Self.marking("five", in: $0) }
        case .theme(let index): return closedPanels[root].map { Self.marking("theme-\(handbook.themes[index].slug)", in: $0) }
        case .search, .assessment: return closedPanels[root]
        }
    }

    /// `panel` with ` aria-current="page"` put before `data-toc="key"`.
    static func marking(_ key: String, in panel: [UInt8]) -> [UInt8] {
        let needle = Array("data-toc=\"\(key)\"".utf8)
        guard let start = firstIndex(of: needle, in: panel) else { return panel }
        var marked: [UInt8] = []
        marked.reserveCapacity(panel.count + 22)
        marked.append(contentsOf: panel[..<start])
        marked.append(contentsOf: "aria-current=\"page\" ".utf8)
        marked.append(contentsOf: panel[start...])
        return marked
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = 0
        while let found = haystack[index...].firstIndex(of: first), found + needle.count <= haystack.count {
            if haystack[found..<found + needle.count].elementsEqual(needle) { return found }
            index = found + 1
        }
        return nil
    }

    /// What `partials/contents` sees: the parts with their chapters (a window of them in a very
    /// long handbook), the open chapter with its tips.
    static func context(_ handbook: Handbook, open: Int?, root: String, strings: TemplateValue) -> TemplateValue {
        let chapters = handbook.chapters
        var shown = chapters.indices
        if chapters.count > allChaptersLimit {
            let center = open ?? 0
            shown = max(0, center - windowRadius)..<min(chapters.count, center + windowRadius + 1)
        }
        var parts: [(name: String?, chapters: [TemplateValue])] = []
        for index in shown {
            let chapter = chapters[index]
            var fields = chapter.templateFields
            fields["url"] = .string(root + SitePaths.chapter(chapter))
            fields["open"] = .bool(index == open)
            if index == open {
                fields["tips"] = .list((handbook.tipsByChapter[chapter.number] ?? []).map { position in
                    let tip = handbook.tips[position]
                    var tipFields: TemplateObject = ["number": .int(tip.number), "title": .string(tip.title),
                                                     "url": .string(root + SitePaths.tip(slug: tip.slug))]
                    if let step = tip.flywheelStep { tipFields["step"] = .int(step) }
                    return .object(tipFields)
                })
            }
            if let last = parts.last, last.name == chapter.part {
                parts[parts.count - 1].chapters.append(.object(fields))
            } else {
                parts.append((chapter.part, [.object(fields)]))
            }
        }
        return .object([
            "t": strings,
            "root": .string(root),
            "home_url": .string(root + SitePaths.home),
            "all_tips_url": .string(root + SitePaths.allTips),
            "my_five_url": .string(root + SitePaths.myFive),
            "themes": .list(handbook.themes.map {
                .object(["title": .string($0.title), "slug": .string($0.slug), "url": .string(root + SitePaths.theme($0.slug))])
            }),
            "more_before": .bool(shown.lowerBound > 0),
            "more_after": .bool(shown.upperBound < chapters.count),
            "parts": .list(parts.map { part in
                var fields: TemplateObject = ["chapters": .list(part.chapters), "has_name": .bool(part.name != nil)]
                if let name = part.name {
                    fields["name"] = .string(name)
                    fields["url"] = .string(root + SitePaths.home + "#" + partAnchor(name))
                }
                return .object(fields)
            }),
        ])
    }

    /// The id of a part's heading on the home page, which breadcrumbs and the panel link to.
    static func partAnchor(_ name: String) -> String { "part-" + URLSlug.make(name) }
}
