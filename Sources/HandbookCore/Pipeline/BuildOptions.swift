//! What to build, from where, to where.

import Foundation

public struct BuildOptions: Sendable {
    public var content: URL
    /// How the content folder is named in messages (the path as the user typed it).
    public var contentDisplay: String
    public var theme: URL
    public var themeDisplay: String
    public var output: URL
    public var outputDisplay: String
    public var includeDrafts: Bool

    public init(content: String = "content", theme: String = "themes/default", output: String = "site",
                includeDrafts: Bool = false) {
        self.content = URL(fileURLWithPath: content)
        self.contentDisplay = content
        self.theme = URL(fileURLWithPath: theme)
        self.themeDisplay = theme
        self.output = URL(fileURLWithPath: output)
        self.outputDisplay = output
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

    /// `Built 112 pages (100 tips, 9 chapters, 4 themes) in 41 ms -> site/`
    public var summary: String {
        "Built \(pages) pages (\(tips) tips, \(chapters) chapters, \(themes) themes) in \(Int((seconds * 1000).rounded())) ms -> \(output)"
    }
}
