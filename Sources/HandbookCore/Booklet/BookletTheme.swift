//! The booklet part of a site theme: `booklet/booklet.mustache`, `booklet.css` and `strings/<lang>.yml`.

import FoundationEssentials

/// A theme's print template and stylesheet, apart from `SiteTheme`: the booklet is one self-contained document.
struct BookletTheme: Sendable {
    /// Holds the one template, `booklet`.
    let template: TemplateLibrary
    /// Inlined into the booklet, so the one HTML file is all WeasyPrint (or a browser) needs.
    let stylesheet: String
    /// The site's interface words, overridden by the booklet's own.
    let strings: [String: String]
    /// The site's `@font-face` rules (`assets/fonts/fonts.css`, fonts as data addresses), inlined
    /// too, so the PDF is set in the theme's faces and not in whatever fonts the machine has.
    let fonts: String

    static let folder = SiteTheme.bookletFolder

    /// The template and stylesheet, which do not depend on the language, so a build parses them
    /// while it reads the content; nil when the theme has no `booklet/` folder.
    static func loadFiles(from themeFolder: UserPath) -> Result<Files?, BuildFailure> {
        let files = ThemeFiles(folder: themeFolder)
        guard files.hasFiles(under: Self.folder) else { return .success(nil) }
        guard let template = files.file(Self.folder + "/booklet.mustache"), let text = template.text else {
            return .failure(BuildFailure([.error("cannot read the booklet template",
                                                 at: SourceLocation(file: themeFolder.appending(Self.folder + "/booklet.mustache").shown),
                                                 hint: "'handbook theme copy' writes out the built-in theme's")]))
        }
        let templateFile = template.shown
        let parsed: TemplateLibrary
        do {
            parsed = try TemplateLibrary(templates: ["booklet": text])
        } catch {
            return .failure(BuildFailure(error.errors.map {
                .error("template error: \($0.message)", at: SourceLocation(file: templateFile, line: $0.line, column: $0.column),
                       hint: "near: \($0.lineText.trimmingWhitespace())")
            }))
        }
        // `</style>` inside a stylesheet would end the inlined <style> element early.
        func inlined(_ path: String) -> String { files.file(path)?.text?.replacingASCII("</", with: "<\\/") ?? "" }
        return .success(Files(files: files, template: parsed,
                              stylesheet: inlined(Self.folder + "/booklet.css"), fonts: inlined(Self.fontsPath)))
    }

    /// The site's fonts, which the booklet shares.
    static let fontsPath = "assets/fonts/fonts.css"

    /// A booklet theme before its words: see `loadFiles`.
    struct Files: Sendable {
        let files: ThemeFiles
        let template: TemplateLibrary
        let stylesheet: String
        let fonts: String

        /// The theme with the site's words for `language`, overridden by the booklet's own.
        func withStrings(for language: String, siteStrings: [String: String]) throws -> BookletTheme {
            var strings = siteStrings
            for code in language == "en" ? ["en"] : ["en", language] {
                guard let file = files.file(BookletTheme.folder + "/strings/\(code).yml"), let yaml = file.text else { continue }
                let entries = try StringsFile.read(yaml, file: file.shown).mapError { BuildFailure([$0]) }.get()
                strings.merge(entries) { _, booklet in booklet }
            }
            return BookletTheme(template: template, stylesheet: stylesheet, strings: strings, fonts: fonts)
        }
    }
}
