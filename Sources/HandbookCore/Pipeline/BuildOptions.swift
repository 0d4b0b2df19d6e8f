//! What to build, from where, to where.

import FoundationEssentials

public struct BuildOptions: Sendable {
    public var content: UserPath
    /// The theme folder laid over the built-in theme, file by file (see `ThemeFiles`).
    public var theme: UserPath
    /// Whether the user named the theme folder, which must then exist; the default one may be missing.
    public var themeNamed: Bool
    public var output: UserPath
    public var includeDrafts: Bool
    /// Date tips by git's last commit in a checkout; the preview uses file times, which a save updates.
    public var datesFromGit = true

    /// `theme` nil is `themes/default` beside the content folder, used when it exists.
    public init(content: String = "content", theme: String? = nil, output: String = "site",
                includeDrafts: Bool = false) {
        self.init(content: UserPath(content), theme: theme.map(UserPath.init) ?? Self.themeBeside(content),
                  themeNamed: theme != nil, output: UserPath(output), includeDrafts: includeDrafts)
    }

    public init(content: UserPath, theme: UserPath, themeNamed: Bool = true, output: UserPath, includeDrafts: Bool = false) {
        self.content = content
        self.theme = theme
        self.themeNamed = themeNamed
        self.output = output
        self.includeDrafts = includeDrafts
    }

    /// `themes/default` in the folder that holds the content folder.
    static func themeBeside(_ content: String) -> UserPath {
        let trimmed = content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content
        // `.` and `..` name a folder by where one stands: the folder holding it is one step further up.
        if let last = trimmed.split(separator: "/").last, last == "." || last == ".." {
            return UserPath(trimmed == "." ? "../themes/default" : trimmed + "/../themes/default")
        }
        guard let slash = trimmed.lastIndex(of: "/") else { return UserPath("themes/default") }
        let parent = trimmed[..<slash]
        return UserPath((parent.isEmpty ? "" : String(parent)) + "/themes/default")
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
