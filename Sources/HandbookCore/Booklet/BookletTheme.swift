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

    static let folder = SiteTheme.bookletFolder

    /// The template and stylesheet, which do not depend on the handbook's language, so a build
    /// can read and parse them while it reads the content (`Files.withStrings` then finishes the
    /// theme). nil when the theme has no `booklet/` folder; a failure names the file and line.
    static func loadFiles(from themeFolder: UserPath) -> Result<Files?, BuildFailure> {
        let folder = themeFolder.appending(Self.folder)
        let templateFile = folder.appending("booklet.mustache")
        guard SiteTheme.hasBooklet(in: themeFolder) else { return .success(nil) }
        guard let text = read(templateFile) else {
            return .failure(BuildFailure([.error("cannot read the booklet template", at: SourceLocation(file: templateFile.shown),
                                                 hint: "copy it from themes/default/booklet/")]))
        }
        let template: TemplateLibrary
        do {
            template = try TemplateLibrary(templates: ["booklet": text])
        } catch {
            return .failure(BuildFailure(error.errors.map {
                .error("template error: \($0.message)", at: SourceLocation(file: templateFile.shown, line: $0.line, column: $0.column),
                       hint: "near: \($0.lineText.trimmingWhitespace())")
            }))
        }
        let stylesheet = read(folder.appending("booklet.css")) ?? ""
        // `</style>` inside the stylesheet would end the inlined <style> element early.
        return .success(Files(folder: folder, template: template,
                              stylesheet: stylesheet.replacingASCII("</", with: "<\\/")))
    }

    /// A booklet theme before its words: see `loadFiles`.
    struct Files: Sendable {
        let folder: UserPath
        let template: TemplateLibrary
        let stylesheet: String

        /// The theme with the site's words for `language`, overridden by the booklet's own.
        func withStrings(for language: String, siteStrings: [String: String]) throws -> BookletTheme {
            var strings = siteStrings
            for code in language == "en" ? ["en"] : ["en", language] {
                let file = "strings/\(code).yml"
                guard let yaml = BookletTheme.read(folder.appending(file)) else { continue }
                guard let entries = try? StringsFile.entries(of: yaml) else {
                    throw BuildFailure([.error("strings file must be 'key: text' lines", at: SourceLocation(file: folder.appending(file).shown))])
                }
                strings.merge(entries) { _, booklet in booklet }
            }
            return BookletTheme(template: template, stylesheet: stylesheet, strings: strings)
        }
    }

    private static func read(_ file: UserPath) -> String? {
        FileManager.default.contents(atPath: file.path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
