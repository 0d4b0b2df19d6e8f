//! Builds the template context of each page from the read-only model and rendered bodies.

import FoundationEssentials
import Glibc

/// Makes template contexts: plain text (escaped by the template) except the `*_html` keys, cmark's HTML.
/// What many pages share (a tip's summary, the strings, the navigation) is made once, not per page.
struct PageBuilder: Sendable {
    let handbook: Handbook
    let content: RenderedContent
    let strings: [String: String]
    let hasBooklet: Bool
    /// Inlined into the 404 page, which must look right at any depth.
    let inlineStylesheet: String
    private let stringsValue: TemplateValue
    private let siteKey: String
    private let editLinks: EditLinks
    private let languages: LanguageVersions?
    /// Summaries and shared layer (see `layers(for:)`) for pages one folder down (`../`); nil when not shared.
    private let nestedTipSummaries: [TemplateValue]?
    private var nestedChapterSummaries: [TemplateValue]?
    private var nestedSharedLayer: TemplateValue?
    private var contents: ContentsPanel?
    /// By tip position (see `SeeAlso`).
    private let seeAlso: [[Int]]
    private let fileDates: FileDates?
    /// The theme's month names (`months` in its strings), January first.
    private let monthNames: [String]

    /// - Parameter shareSummaries: make every tip's summary once up front, when most pages are rendered.
    init(handbook: Handbook, content: RenderedContent, strings: [String: String], inlineStylesheet: String,
         hasBooklet: Bool, shareSummaries: Bool = false, languages: LanguageVersions? = nil, siteKey: String? = nil,
         contentsTheme: SiteTheme? = nil, fileDates: FileDates? = nil) throws {
        self.handbook = handbook
        self.hasBooklet = hasBooklet
        self.content = content
        self.strings = strings
        self.inlineStylesheet = inlineStylesheet
        self.stringsValue = .object(TemplateObject(strings.mapValues(TemplateValue.string)))
        // One key for every language, so that "My five" keeps its tips across the language switch.
        self.siteKey = siteKey ?? URLSlug.make(handbook.config.title)
        self.languages = languages
        self.editLinks = EditLinks(config: handbook.config)
        self.nestedTipSummaries = shareSummaries
            ? handbook.tips.concurrentMap { Self.makeTipSummary($0, handbook: handbook, root: "../") } : nil
        self.nestedChapterSummaries = nil
        self.nestedSharedLayer = nil
        self.seeAlso = SeeAlso.lists(handbook, referencedBy: content.referencedBy)
        self.contents = nil
        self.fileDates = fileDates
        self.monthNames = (strings["months"] ?? "").split(separator: " ").map(String.init)
        if let contentsTheme { contents = try ContentsPanel(handbook: handbook, theme: contentsTheme, strings: stringsValue) }
        if shareSummaries {
            nestedChapterSummaries = handbook.chapters.map { chapterSummary($0, root: "../") }
            nestedSharedLayer = .object(shared(root: "../", current: nil))
        }
    }

    /// The page's whole context: its shared layer and its own fields merged, its own winning.
    func context(for page: PageKind) -> TemplateValue {
        let path = page.path(in: handbook)
        let root = SitePaths.rootPrefix(forPage: path)
        return .object(shared(root: root, current: page).merging(ownFields(for: page, path: path, root: root)) { $1 })
    }

    /// The page's context as a stack for the renderer, bottom first: the fields every page of its
    /// folder and kind shares (made once for tips and chapters), then its own; it finds what `context(for:)` holds.
    func layers(for page: PageKind) -> [TemplateValue] {
        let path = page.path(in: handbook)
        let root = SitePaths.rootPrefix(forPage: path)
        let own = TemplateValue.object(ownFields(for: page, path: path, root: root))
        if root == "../", Self.isOrdinary(page), let nestedSharedLayer { return [nestedSharedLayer, own] }
        return [.object(shared(root: root, current: page)), own]
    }

    private func ownFields(for page: PageKind, path: String, root: String) -> TemplateObject {
        var context: TemplateObject
        switch page {
        case .home: context = home(root: root)
        case .allTips: context = allTips(root: root)
        case .search: context = search(root: root)
        case .myFive: context = myFive(root: root)
        case .assessment: context = assessment(root: root)
        case .notFound: context = notFound()
        case .tip(let index): context = tip(at: index, root: root)
        case .chapter(let index): context = chapter(at: index, root: root)
        case .theme(let index):
            context = theme(at: index, root: root)
            context.merge(flywheel(themeAt: index, root: root)) { $1 }
        }
        if let contents, let html = contents.html(for: page, in: handbook, root: root) {
            context["contents_html"] = .utf8(html)
            context["has_contents"] = true
        }
        if let description = description(of: page) { context["page_description"] = .string(description) }
        if let editURL = editURL(of: page) { context["edit_url"] = .string(editURL) }
        if let languages, page != .notFound {
            context["languages"] = languages.links(for: page, root: root)
            context["has_languages"] = true
        }
        if let base = handbook.config.baseURL, context["canonical_url"] == nil {
            context["canonical_url"] = .string(Self.absolute(path, base: base))
        }
        return context
    }

    /// `<meta name="description">`: what search engines list under the title and chat tools preview.
    private func description(of page: PageKind) -> String? {
        switch page {
        case .home: handbook.config.subtitle
        case .tip(let index): handbook.tips[index].summary
        case .chapter(let index): handbook.chapters[index].summary
        case .theme(let index): handbook.themes[index].description
        case .allTips, .search, .myFive, .assessment, .notFound: nil
        }
    }

    /// "Edit this page", when handbook.yml has `edit_url`.
    private func editURL(of page: PageKind) -> String? {
        switch page {
        case .home: editLinks.configURL
        case .tip(let index): editLinks.url(for: handbook.tips[index].source)
        case .chapter(let index): editLinks.url(for: handbook.chapters[index].source)
        case .allTips, .search, .myFive, .assessment, .notFound, .theme: nil
        }
    }

    /// Pages whose shared fields are those of every page at their depth: no navigation entry is about them.
    private static func isOrdinary(_ page: PageKind) -> Bool {
        switch page {
        case .tip, .chapter, .home: true
        case .allTips, .search, .myFive, .assessment, .notFound, .theme: false
        }
    }

    // MARK: - Shared by every page

    /// The most themes the header of every page names (docs/hostile-input.md).
    static let maxThemesInHeader = 12

    /// The fields that depend only on the page's depth (`root`) and, for the navigation, on `current`.
    private func shared(root: String, current: PageKind?) -> TemplateObject {
        let config = handbook.config
        var context: TemplateObject = [
            "lang": .string(config.language),
            "root": .string(root),
            "t": stringsValue,
            "site_title": .string(config.title),
            "home_url": .string(root + SitePaths.home),
            "all_tips_url": .string(root + SitePaths.allTips),
            "stylesheet_url": .string(root + SitePaths.assets + "handbook.css"),
            "is_all_tips": .bool(current == .allTips),
            // Every theme in every page's header only while they are few: past that the home
            // page's list is the themes' index (10,000 themes on each of 10,000 pages made 6 GB).
            "nav_themes": .list(handbook.themes.count > Self.maxThemesInHeader ? [] : handbook.themes.enumerated().map { index, theme in
                .object(["title": .string(theme.title), "url": .string(root + SitePaths.theme(theme.slug)),
                         "current": .bool(current == .theme(index))])
            }),
        ]
        if let subtitle = config.subtitle { context["site_subtitle"] = .string(subtitle) }
        if let edition = config.edition { context["edition"] = .string(edition) }
        if hasBooklet { context["booklet_url"] = .string(root + SitePaths.booklet) }
        if handbook.assessment != nil {
            context["assessment_url"] = .string(root + SitePaths.assessment)
            context["is_assessment"] = .bool(current == .assessment)
        }
        context.merge(searchCommon(root: root, current: current, siteKey: siteKey)) { $1 }
        return context
    }

    // MARK: - Pages

    private func home(root: String) -> TemplateObject {
        var context: TemplateObject = [
            "page_title": .string(handbook.config.title),
            "is_home": true,
            "tip_count": .int(handbook.tips.count),
            "parts": .list(handbook.parts.map { part in
                .object([
                    "name": .string(part.name ?? ""),
                    "has_name": .bool(part.name != nil),
                    "anchor": .string(part.name.map(ContentsPanel.partAnchor) ?? ""),
                    "chapters": .list(part.chapters.map { chapterSummary($0, root: root) }),
                ])
            }),
            "themes": .list(handbook.themes.map { theme in
                let count = handbook.tipsByTheme[theme.slug]?.count ?? 0
                return .object(["title": .string(theme.title), "description": .string(theme.description),
                                "url": .string(root + SitePaths.theme(theme.slug)), "count_label": .string(countLabel(count))])
            }),
        ]
        if let intro = content.introduction { context["intro_html"] = .utf8(intro.htmlUTF8) }
        return context
    }

    private func allTips(root: String) -> TemplateObject {
        var context: TemplateObject = [
            "page_title": .string(strings["all_tips"] ?? "All tips"),
            "count_label": .string(countLabel(handbook.tips.count)),
            "chapter_groups": .list(handbook.chapters.compactMap { chapter in
                guard let positions = handbook.tipsByChapter[chapter.number] else { return nil }
                var group = chapter.templateFields
                group["url"] = .string(root + SitePaths.chapter(chapter))
                group["tips"] = .list(positions.map { tipSummary(at: $0, root: root) })
                return .object(group)
            }),
            "filter_themes": .list(handbook.themes.map { .object(["title": .string($0.title), "slug": .string($0.slug)]) }),
        ]
        if !handbook.config.flywheelSteps.isEmpty {
            context["has_filter_steps"] = true
            context["filter_steps"] = .list(handbook.config.flywheelSteps.enumerated().map { offset, name in
                .object(["number": .int(offset + 1), "name": .string(name)])
            })
        }
        return context
    }

    private func notFound() -> TemplateObject {
        var context: TemplateObject = [
            "page_title": .string(strings["not_found_title"] ?? "Page not found"),
            "inline_css": .string(inlineStylesheet),
            // The page's own script loads search.js once it has found the site's root.
            "search_script_url": false,
            "is_not_found": true,
        ]
        if let base = handbook.config.baseURL {
            // With a known address the links can be absolute, wherever the server shows this page.
            let root = base.hasSuffix("/") ? base : base + "/"
            context.merge(searchCommon(root: root, current: .notFound, siteKey: siteKey)) { $1 }
            context["root"] = .string(root)
            context["home_url"] = .string(root + SitePaths.home)
            context["all_tips_url"] = .string(root + SitePaths.allTips)
            context["fixed_root"] = true
        }
        return context
    }

    private func chapter(at index: Int, root: String) -> TemplateObject {
        let chapter = handbook.chapters[index]
        var context: TemplateObject = [
            "page_title": .string(chapter.title),
            "chapter": chapterSummary(chapter, root: root),
            "intro_html": .utf8(content.chapters[index].htmlUTF8),
            "tips": .list((handbook.tipsByChapter[chapter.number] ?? []).map { tipSummary(at: $0, root: root) }),
            "has_tips": .bool(handbook.tipsByChapter[chapter.number] != nil),
        ]
        if let groups = stepGroups(ofChapter: chapter.number, root: root) {
            context["step_groups"] = .list(groups)
            context["has_step_groups"] = true
        }
        if index > 0 { context["previous"] = chapterSummary(handbook.chapters[index - 1], root: root) }
        if index + 1 < handbook.chapters.count { context["next"] = chapterSummary(handbook.chapters[index + 1], root: root) }
        return context
    }

    private func tip(at index: Int, root: String) -> TemplateObject {
        let tip = handbook.tips[index]
        let seeAlso = seeAlso[index]
        var context: TemplateObject = [
            "page_title": .string("\(tip.number). \(tip.title)"),
            "tip": tipSummary(at: index, root: root),
            "body_html": .utf8(content.tips[index].htmlUTF8),
            "see_also": .list(seeAlso.map { tipSummary(at: $0, root: root) }),
            "has_see_also": .bool(!seeAlso.isEmpty),
        ]
        if let seconds = fileDates?.seconds(ofShownFile: tip.source.file) { context["last_changed"] = lastChanged(seconds) }
        let inChapter = handbook.tipsByChapter[tip.chapter] ?? []
        if let place = inChapter.firstIndex(of: index) {
            context["place"] = .object(["index": .int(place + 1), "count": .int(inChapter.count)])
        }
        if let chapter = handbook.chapter(number: tip.chapter) { context["chapter"] = chapterSummary(chapter, root: root) }
        if let step = tip.flywheelStep, step >= 1, step <= handbook.config.flywheelSteps.count {
            context["flywheel_step"] = .object(flywheelStep(step, root: root))
        }
        if index > 0 { context["previous"] = tipSummary(at: index - 1, root: root) }
        if index + 1 < handbook.tips.count { context["next"] = tipSummary(at: index + 1, root: root) }
        return context
    }

    private func theme(at index: Int, root: String) -> TemplateObject {
        let theme = handbook.themes[index]
        let positions = handbook.tipsByTheme[theme.slug] ?? []
        // Positions are in tip order, that is by number; group them by chapter, keeping that order.
        let sorted = positions.sorted { (handbook.tips[$0].chapter, $0) < (handbook.tips[$1].chapter, $1) }
        var groups: [(chapter: Int, tips: [TemplateValue])] = []
        for position in sorted {
            let chapter = handbook.tips[position].chapter
            if groups.last?.chapter != chapter { groups.append((chapter, [])) }
            groups[groups.count - 1].tips.append(tipSummary(at: position, root: root))
        }
        return [
            "page_title": .string(theme.title),
            "theme": .object(["title": .string(theme.title), "description": .string(theme.description),
                              "slug": .string(theme.slug)]),
            "count_label": .string(countLabel(positions.count)),
            "groups": .list(groups.map { group in
                var context: TemplateObject = ["tips": .list(group.tips)]
                if let chapter = handbook.chapter(number: group.chapter) { context["chapter"] = chapterSummary(chapter, root: root) }
                return .object(context)
            }),
        ]
    }

    /// A chapter whose every tip has a flywheel step lists its tips by step, as the flywheel page does.
    private func stepGroups(ofChapter number: Int, root: String) -> [TemplateValue]? {
        let steps = handbook.config.flywheelSteps
        guard let positions = handbook.tipsByChapter[number], !steps.isEmpty,
              positions.allSatisfy({ (1...steps.count).contains(handbook.tips[$0].flywheelStep ?? 0) }) else { return nil }
        return steps.indices.compactMap { offset in
            let inStep = positions.filter { handbook.tips[$0].flywheelStep == offset + 1 }
            guard !inStep.isEmpty else { return nil }
            var group = flywheelStep(offset + 1, root: root)
            group["tips"] = .list(inStep.map { tipSummary(at: $0, root: root) })
            return .object(group)
        }
    }

    /// A date as `<time datetime>` wants it and as a reader reads it ("7 December 2026"), in UTC.
    private func lastChanged(_ seconds: Int) -> TemplateValue {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let month = Int(parts.tm_mon) < monthNames.count ? monthNames[Int(parts.tm_mon)] : String(parts.tm_mon + 1)
        let year = Int(parts.tm_year) + 1900, monthNumber = Int(parts.tm_mon) + 1, day = Int(parts.tm_mday)
        let iso = "\(year)-\(monthNumber < 10 ? "0" : "")\(monthNumber)-\(day < 10 ? "0" : "")\(day)"
        return .object(["datetime": .string(iso), "text": .string("\(day) \(month) \(year)")])
    }

    // MARK: - Pieces

    /// What lists and links show of a tip, from a page whose root prefix is `root`.
    func tipSummary(at position: Int, root: String) -> TemplateValue {
        if root == "../", let shared = nestedTipSummaries { return shared[position] }
        return Self.makeTipSummary(handbook.tips[position], handbook: handbook, root: root)
    }

    private static func makeTipSummary(_ tip: Tip, handbook: Handbook, root: String) -> TemplateValue {
        var summary = tip.templateFields
        summary["url"] = .string(root + SitePaths.tip(tip))
        if let step = tip.flywheelStep { summary["step"] = .int(step) }
        summary["themes"] = .list(tip.themes.compactMap { handbook.theme(slug: $0) }.map {
            .object(["title": .string($0.title), "slug": .string($0.slug), "url": .string(root + SitePaths.theme($0.slug))])
        })
        return .object(summary)
    }

    private func chapterSummary(_ chapter: Chapter, root: String) -> TemplateValue {
        if root == "../", let shared = nestedChapterSummaries, let position = handbook.chapterPosition(number: chapter.number) {
            return shared[position]
        }
        var summary = chapter.templateFields
        summary["url"] = .string(root + SitePaths.chapter(chapter))
        summary["count_label"] = .string(countLabel(handbook.tipsByChapter[chapter.number]?.count ?? 0))
        if let part = chapter.part { summary["part_url"] = .string(root + SitePaths.home + "#" + ContentsPanel.partAnchor(part)) }
        return .object(summary)
    }

    func countLabel(_ count: Int) -> String { Self.countLabel(count, strings: strings) }

    /// "1 tip", "12 tips", in the theme's words; the booklet's too.
    static func countLabel(_ count: Int, strings: [String: String]) -> String {
        "\(count) \(count == 1 ? strings["tip_singular"] ?? "tip" : strings["tip_plural"] ?? "tips")"
    }

    static func absolute(_ path: String, base: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + (path == SitePaths.home ? "" : path)
    }
}
