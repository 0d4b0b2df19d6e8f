//! Builds the template context of each page from the read-only model and rendered bodies.

import Foundation

/// Makes Mustache contexts. Every value is plain text (escaped by the template) except the
/// `*_html` keys, which hold HTML that cmark rendered.
struct PageBuilder: Sendable {
    let handbook: Handbook
    let content: RenderedContent
    let strings: [String: String]
    /// Inlined into the 404 page, which must look right at any depth.
    let inlineStylesheet: String

    func context(for page: PageKind) -> [String: Any] {
        let path = page.path(in: handbook)
        let root = SitePaths.rootPrefix(forPage: path)
        var context = common(path: path, root: root, current: page)
        switch page {
        case .home: context.merge(home(root: root)) { $1 }
        case .allTips: context.merge(allTips(root: root)) { $1 }
        case .search: context.merge(search(root: root)) { $1 }
        case .myFive: context.merge(myFive(root: root)) { $1 }
        case .notFound: context.merge(notFound()) { $1 }
        case .tip(let index): context.merge(tip(at: index, root: root)) { $1 }
        case .chapter(let index): context.merge(chapter(at: index, root: root)) { $1 }
        case .theme(let index):
            context.merge(theme(at: index, root: root)) { $1 }
            context.merge(flywheel(themeAt: index, root: root)) { $1 }
        }
        return context
    }

    // MARK: - Shared by every page

    private func common(path: String, root: String, current: PageKind) -> [String: Any] {
        let config = handbook.config
        var context: [String: Any] = [
            "lang": config.language,
            "root": root,
            "t": strings,
            "site_title": config.title,
            "home_url": root + SitePaths.home,
            "all_tips_url": root + SitePaths.allTips,
            "stylesheet_url": root + SitePaths.assets + "handbook.css",
            "is_all_tips": current == .allTips,
            "nav_themes": handbook.themes.enumerated().map { index, theme in
                ["title": theme.title, "url": root + SitePaths.theme(theme.slug), "current": current == .theme(index)]
            },
        ]
        if let subtitle = config.subtitle { context["site_subtitle"] = subtitle }
        if let base = config.baseURL { context["canonical_url"] = Self.absolute(path, base: base) }
        context.merge(searchCommon(root: root, current: current)) { $1 }
        return context
    }

    // MARK: - Pages

    private func home(root: String) -> [String: Any] {
        var context: [String: Any] = [
            "page_title": handbook.config.title,
            "is_home": true,
            "tip_count": handbook.tips.count,
            "parts": handbook.parts.map { part in
                [
                    "name": part.name ?? "",
                    "has_name": part.name != nil,
                    "chapters": part.chapters.map { chapterSummary($0, root: root) },
                ] as [String: Any]
            },
            "themes": handbook.themes.map { theme -> [String: Any] in
                let count = handbook.tipsByTheme[theme.slug]?.count ?? 0
                return ["title": theme.title, "description": theme.description,
                        "url": root + SitePaths.theme(theme.slug), "count_label": countLabel(count)]
            },
        ]
        if let intro = content.introduction { context["intro_html"] = intro.html }
        return context
    }

    private func allTips(root: String) -> [String: Any] {
        [
            "page_title": strings["all_tips"] ?? "All tips",
            "count_label": countLabel(handbook.tips.count),
            "tips": handbook.tips.map { tipSummary($0, root: root) },
        ]
    }

    private func notFound() -> [String: Any] {
        var context: [String: Any] = [
            "page_title": strings["not_found_title"] ?? "Page not found",
            "inline_css": inlineStylesheet,
        ]
        if let base = handbook.config.baseURL {
            // With a known address the links can be absolute, wherever the server shows this page.
            let root = base.hasSuffix("/") ? base : base + "/"
            context["root"] = root
            context["home_url"] = root + SitePaths.home
            context["all_tips_url"] = root + SitePaths.allTips
            context["fixed_root"] = true
        }
        return context
    }

    private func chapter(at index: Int, root: String) -> [String: Any] {
        let chapter = handbook.chapters[index]
        var context: [String: Any] = [
            "page_title": chapter.title,
            "chapter": chapterSummary(chapter, root: root),
            "intro_html": content.chapters[index].html,
            "tips": handbook.tips(inChapter: chapter.number).map { tipSummary($0, root: root) },
        ]
        if index > 0 { context["previous"] = chapterSummary(handbook.chapters[index - 1], root: root) }
        if index + 1 < handbook.chapters.count { context["next"] = chapterSummary(handbook.chapters[index + 1], root: root) }
        return context
    }

    private func tip(at index: Int, root: String) -> [String: Any] {
        let tip = handbook.tips[index]
        var context: [String: Any] = [
            "page_title": "\(tip.number). \(tip.title)",
            "tip": tipSummary(tip, root: root),
            "body_html": content.tips[index].html,
            "related": tip.related.compactMap(handbook.tip(number:)).map { tipSummary($0, root: root) },
            "referenced_by": (content.referencedBy[tip.number] ?? []).compactMap(handbook.tip(number:))
                .map { tipSummary($0, root: root) },
        ]
        context["has_related"] = !tip.related.isEmpty
        context["has_referenced_by"] = content.referencedBy[tip.number] != nil
        if let chapter = handbook.chapter(number: tip.chapter) { context["chapter"] = chapterSummary(chapter, root: root) }
        if let step = tip.flywheelStep, step >= 1, step <= handbook.config.flywheelSteps.count {
            context["flywheel_step"] = ["number": step, "name": handbook.config.flywheelSteps[step - 1],
                                        "url": root + SitePaths.theme("flywheel") + "#" + SitePaths.flywheelStepAnchor(step)] as [String: Any]
        }
        if index > 0 { context["previous"] = tipSummary(handbook.tips[index - 1], root: root) }
        if index + 1 < handbook.tips.count { context["next"] = tipSummary(handbook.tips[index + 1], root: root) }
        return context
    }

    private func theme(at index: Int, root: String) -> [String: Any] {
        let theme = handbook.themes[index]
        let tips = handbook.tips(withTheme: theme.slug)
        var groups: [(chapter: Int, tips: [[String: Any]])] = []
        for tip in tips.sorted(by: { ($0.chapter, $0.number) < ($1.chapter, $1.number) }) {
            if groups.last?.chapter != tip.chapter { groups.append((tip.chapter, [])) }
            groups[groups.count - 1].tips.append(tipSummary(tip, root: root))
        }
        return [
            "page_title": theme.title,
            "theme": ["title": theme.title, "description": theme.description, "slug": theme.slug],
            "count_label": countLabel(tips.count),
            "groups": groups.map { group -> [String: Any] in
                var context: [String: Any] = ["tips": group.tips]
                if let chapter = handbook.chapter(number: group.chapter) { context["chapter"] = chapterSummary(chapter, root: root) }
                return context
            },
        ]
    }

    // MARK: - Pieces

    func tipSummary(_ tip: Tip, root: String) -> [String: Any] {
        var summary: [String: Any] = [
            "number": tip.number,
            "title": tip.title,
            "url": root + SitePaths.tip(tip),
            "themes": tip.themes.compactMap(handbook.theme(slug:)).map {
                ["title": $0.title, "slug": $0.slug, "url": root + SitePaths.theme($0.slug)]
            },
        ]
        if let text = tip.summary { summary["summary"] = text }
        return summary
    }

    private func chapterSummary(_ chapter: Chapter, root: String) -> [String: Any] {
        var summary: [String: Any] = [
            "number": chapter.number,
            "title": chapter.title,
            "url": root + SitePaths.chapter(chapter),
            "count_label": countLabel(handbook.tipsByChapter[chapter.number]?.count ?? 0),
        ]
        if let text = chapter.summary { summary["summary"] = text }
        if let part = chapter.part { summary["part"] = part }
        return summary
    }

    func countLabel(_ count: Int) -> String {
        let word = count == 1 ? (strings["tip_singular"] ?? "tip") : (strings["tip_plural"] ?? "tips")
        return "\(count) \(word)"
    }

    static func absolute(_ path: String, base: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + (path == SitePaths.home ? "" : path)
    }
}
