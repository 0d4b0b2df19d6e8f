//! The validated handbook: the root of the model, with the lookups every stage needs.

/// A checked, consistent handbook. Tips and chapters are sorted by number; every reference
/// between them is known to resolve.
public struct Handbook: Sendable {
    public var config: HandbookConfig
    public var chapters: [Chapter]
    public var tips: [Tip]
    /// The handbook in other languages (`content/nl/`), tip for tip; empty in a translation.
    public var translations: [Handbook] = []
    /// The self-assessment (`content/assessment.yml`), when the handbook has one.
    public var assessment: Assessment?
    /// Draft tips left out of this build: a link to one says so, not that the tip does not exist.
    public var leftOutDrafts: Set<Int> = []

    private var tipIndex: [Int: Int] = [:]
    private var chapterIndex: [Int: Int] = [:]
    private var themeIndex: [String: Int] = [:]
    /// Tip positions per chapter number and per theme slug, in tip order.
    public private(set) var tipsByChapter: [Int: [Int]] = [:]
    public private(set) var tipsByTheme: [String: [Int]] = [:]

    public init(config: HandbookConfig, chapters: [Chapter], tips: [Tip]) {
        self.config = config
        // Files are read in name order, which is nearly always number order: sorted only if not.
        self.chapters = Self.isAscending(chapters.map(\.number)) ? chapters : chapters.sorted { $0.number < $1.number }
        self.tips = Self.isAscending(tips.map(\.number)) ? tips : tips.sorted { $0.number < $1.number }
        chapterIndex.reserveCapacity(chapters.count)
        tipIndex.reserveCapacity(tips.count)
        for (position, chapter) in self.chapters.enumerated() { chapterIndex[chapter.number] = position }
        for (position, theme) in config.themes.enumerated() { themeIndex[theme.slug] = position }
        for (position, tip) in self.tips.enumerated() {
            tipIndex[tip.number] = position
            tipsByChapter[tip.chapter, default: []].append(position)
            for slug in tip.themes { tipsByTheme[slug, default: []].append(position) }
        }
    }

    public var themes: [Theme] { config.themes }

    private static func isAscending(_ numbers: [Int]) -> Bool {
        numbers.indices.dropFirst().allSatisfy { numbers[$0 - 1] < numbers[$0] }
    }

    public func tip(number: Int) -> Tip? { tipIndex[number].map { tips[$0] } }
    public func tipPosition(number: Int) -> Int? { tipIndex[number] }
    public func chapter(number: Int) -> Chapter? { chapterIndex[number].map { chapters[$0] } }
    public func chapterPosition(number: Int) -> Int? { chapterIndex[number] }
    public func theme(slug: String) -> Theme? { themeIndex[slug].map { config.themes[$0] } }

    public func tips(withTheme slug: String) -> [Tip] { (tipsByTheme[slug] ?? []).map { tips[$0] } }

    /// Parts in order of their first chapter; chapters without a part form a group with no name.
    public var parts: [(name: String?, chapters: [Chapter])] {
        var groups: [(name: String?, chapters: [Chapter])] = []
        for chapter in chapters {
            if let last = groups.last, last.name == chapter.part {
                groups[groups.count - 1].chapters.append(chapter)
            } else {
                groups.append((chapter.part, [chapter]))
            }
        }
        return groups
    }
}
