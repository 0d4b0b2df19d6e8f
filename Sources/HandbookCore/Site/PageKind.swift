//! The pages of the site, as values that can be handed out to worker threads.

/// One page of the site; positions index into `handbook.tips`, `handbook.chapters`, `handbook.themes`.
public enum PageKind: Sendable, Hashable {
    case home
    case allTips
    case search
    case myFive
    /// "Where do we stand?", the self-assessment; only when the handbook has one.
    case assessment
    case notFound
    case tip(Int)
    case chapter(Int)
    case theme(Int)

    /// Every page of the handbook, in a stable order.
    static func all(for handbook: Handbook) -> [PageKind] {
        [.home, .allTips, .search, .myFive, .notFound] + (handbook.assessment == nil ? [] : [.assessment])
            + handbook.chapters.indices.map(PageKind.chapter)
            + handbook.themes.indices.map(PageKind.theme)
            + handbook.tips.indices.map(PageKind.tip)
    }

    var template: String {
        switch self {
        case .home: "home"
        case .allTips: "tips"
        case .search: "search"
        case .myFive: "my-five"
        case .assessment: "assessment"
        case .notFound: "404"
        case .tip: "tip"
        case .chapter: "chapter"
        case .theme: "theme"
        }
    }

    func path(in handbook: Handbook) -> String {
        switch self {
        case .home: SitePaths.home
        case .allTips: SitePaths.allTips
        case .search: SitePaths.search
        case .myFive: SitePaths.myFive
        case .assessment: SitePaths.assessment
        case .notFound: SitePaths.notFound
        case .tip(let index): SitePaths.tip(slug: handbook.tips[index].slug)
        case .chapter(let index): SitePaths.chapter(slug: handbook.chapters[index].slug)
        case .theme(let index): SitePaths.theme(handbook.themes[index].slug)
        }
    }
}
