//! The self-assessment "Where do we stand?": statements a team rates, grouped, each pointing to tips.

/// `content/assessment.yml`, checked: every group has statements, every statement known tips.
public struct Assessment: Sendable {
    public struct Statement: Sendable {
        /// Stable across editions and translations; the browser stores answers under it.
        public var id: String
        public var text: String
        /// The tips that help most when the statement scores low, the most useful first.
        public var tips: [Int]
        /// In a translation, the language of a statement not translated yet (its text is the original's).
        public var textLanguage: String?
    }

    public struct Group: Sendable {
        public var id: String
        public var title: String
        public var summary: String?
        public var statements: [Statement]
        public var textLanguage: String?
    }

    public var intro: String?
    public var groups: [Group]
    /// The file it was read from, as messages show it.
    public var source: String

    public var statements: [Statement] { groups.flatMap(\.statements) }

    /// The scale every statement is rated on: 0 (not at all) to 4 (always).
    public static let scale = 0...4
}
