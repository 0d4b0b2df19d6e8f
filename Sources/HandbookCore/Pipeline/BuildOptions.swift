//! What to build, from where, to where.

import Foundation

public struct BuildOptions: Sendable {
    public var content: UserPath
    public var theme: UserPath
    public var output: UserPath
    public var includeDrafts: Bool
    /// Date tips by git's last commit when the content is a checkout; the preview uses file times,
    /// which a save updates, and saves the git call on every rebuild.
    public var datesFromGit = true

    public init(content: String = "content", theme: String = "themes/default", output: String = "site",
                includeDrafts: Bool = false) {
        self.init(content: UserPath(content), theme: UserPath(theme), output: UserPath(output), includeDrafts: includeDrafts)
    }

    public init(content: UserPath, theme: UserPath, output: UserPath, includeDrafts: Bool = false) {
        self.content = content
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
    }
}

/// What a successful build made.
public struct BuildReport: Sendable {
    public var pages: Int
    public var tips: Int
    public var chapters: Int
    public var themes: Int
    public var seconds: Double
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    public var output: String
    /// The languages built, the original's first.
    public var languages: [String] = []

    /// `Built 112 pages (100 tips, 9 chapters, 4 themes) in 41 ms -> site/`, and the languages
    /// when there are translations (`…, 4 themes; en, nl) …`).
    public var summary: String {
        let languages = self.languages.count > 1 ? "; " + self.languages.joined(separator: ", ") : ""
        return "Built \(pages) pages (\(tips) tips, \(chapters) chapters, \(themes) themes\(languages)) in "
            + "\(Int((seconds * 1000).rounded())) ms -> \(output)"
    }
}
