//! Where each page lives in the site. Links are relative, so a site works under any sub-path and
//! from disk; pages are `.html` files because a browser on file:// adds no `index.html` to a folder.

public enum SitePaths {
    public static let home = "index.html"
    public static let allTips = "tips.html"
    public static let notFound = "404.html"
    public static let search = "search.html"
    public static let myFive = "my-five.html"
    public static let assessment = "where-do-we-stand.html"
    public static let sitemap = "sitemap.xml"
    /// The printable booklet, and its PDF's name beside it (`handbook booklet --pdf`).
    public static let booklet = "booklet/index.html"
    public static let bookletPDFName = "booklet.pdf"
    public static let assets = "assets/"
    /// Written into every site Handbook builds, so it may safely replace that folder later.
    public static let marker = ".handbook-site"

    public static func tip(_ tip: Tip) -> String { self.tip(slug: tip.slug) }
    public static func chapter(_ chapter: Chapter) -> String { self.chapter(slug: chapter.slug) }
    /// The same from the slug alone: `handbook.tips[i].slug` reads one field where passing
    /// `handbook.tips[i]` may copy the whole tip.
    public static func tip(slug: String) -> String { "tips/\(slug).html" }
    public static func chapter(slug: String) -> String { "chapters/\(slug).html" }
    public static func theme(_ slug: String) -> String { "themes/\(slug).html" }
    /// The per-step tip lists on the flywheel theme page, which the wheel links to.
    static func flywheelStepAnchor(_ step: Int) -> String { "flywheel-step-\(step)" }

    /// The prefix that leads from a page back to the site root: "" at the top, "../" one folder down.
    public static func rootPrefix(forPage path: String) -> String {
        // On the bytes: splitting by characters cost as much as building the rest of a tip's context.
        String(repeating: "../", count: max(path.utf8.split(separator: UInt8(ascii: "/")).count - 1, 0))
    }
}

/// Link destinations for pages of the web site, seen from pages whose root prefix is `prefix`.
struct SiteLinks: LinkDestinations {
    let handbook: Handbook
    let prefix: String

    func url(for target: LinkTarget, fragment: String?) -> String {
        let path: String
        switch target {
        case .tip(let number): path = handbook.tipPosition(number: number).map { SitePaths.tip(slug: handbook.tips[$0].slug) } ?? SitePaths.allTips
        case .chapter(let number):
            path = handbook.chapterPosition(number: number).map { SitePaths.chapter(slug: handbook.chapters[$0].slug) } ?? SitePaths.home
        case .theme(let slug): path = SitePaths.theme(slug)
        case .home: path = SitePaths.home
        }
        return prefix + path + (fragment.map { "#" + $0 } ?? "")
    }
}
