//! The booklet part of a site theme: `booklet/booklet.mustache`, `booklet/booklet.css` and the
//! booklet's own words in `booklet/strings/<lang>.yml`.

import Foundation

/// The print template and stylesheet of a theme. Kept apart from `SiteTheme` because the booklet
/// is one self-contained document with its own stylesheet, not a page of the site.
struct BookletTheme: Sendable {
    /// Holds the one template, `booklet`.
    let template: TemplateLibrary
    /// Inlined into the booklet, so the one HTML file is all WeasyPrint (or a browser) needs.
    let stylesheet: String
    /// The site's interface words, overridden by the booklet's own.
    let strings: [String: String]

    static let folder = "booklet"

    /// Loads the booklet files of a theme, or returns nil when the theme has no `booklet/` folder.
    /// Throws when the template cannot be parsed, naming the file and line.
    static func load(from themeFolder: URL, displayPath: String, language: String,
                     siteStrings: [String: String]) throws -> BookletTheme? {
        let folder = themeFolder.appendingPathComponent(Self.folder)
        let shown = "\(displayPath)/\(Self.folder)"
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        guard let text = read(folder.appendingPathComponent("booklet.mustache")) else {
            throw BuildFailure([.error("cannot read the booklet template", at: SourceLocation(file: "\(shown)/booklet.mustache"),
                                       hint: "copy it from themes/default/booklet/")])
        }
        let template: TemplateLibrary
        do {
            template = try TemplateLibrary(templates: ["booklet": text])
        } catch {
            throw BuildFailure(error.errors.map {
                .error("template error: \($0.message)", at: SourceLocation(file: "\(shown)/booklet.mustache", line: $0.line, column: $0.column),
                       hint: "near: \($0.lineText.trimmingWhitespace())")
            })
        }
        let stylesheet = read(folder.appendingPathComponent("booklet.css")) ?? ""
        var strings = siteStrings
        for code in language == "en" ? ["en"] : ["en", language] {
            let file = "strings/\(code).yml"
            guard let yaml = read(folder.appendingPathComponent(file)) else { continue }
            guard let entries = try? StringsFile.entries(of: yaml) else {
                throw BuildFailure([.error("strings file must be 'key: text' lines", at: SourceLocation(file: "\(shown)/\(file)"))])
            }
            strings.merge(entries) { _, booklet in booklet }
        }
        // `</style>` inside the stylesheet would end the inlined <style> element early.
        return BookletTheme(template: template, stylesheet: stylesheet.replacingASCII("</", with: "<\\/"),
                            strings: strings)
    }

    private static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
