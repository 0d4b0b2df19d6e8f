//! The visual theme: Mustache templates, interface strings per language, and static assets.

import FoundationEssentials

/// A theme folder (`themes/default/`): `templates/**/*.mustache`, `strings/<lang>.yml`, `assets/`.
/// Named `SiteTheme` so that `Theme` stays the handbook's own word for its content categories.
public struct SiteTheme: Sendable {
    public let folder: UserPath
    let library: TemplateLibrary
    /// Interface words for the handbook's language, falling back to English key by key.
    public let strings: [String: String]
    /// The theme's main stylesheet, inlined where a page cannot rely on finding it (404).
    public let stylesheet: String
    /// Whether the theme has a booklet (`booklet/`), which every build then writes and pages link to.
    public let hasBooklet: Bool
    /// The files of `assets/`, published as they are.
    let assets: ThemeAssets

    /// The theme's print templates, if it has any.
    static let bookletFolder = "booklet"

    public static let requiredTemplates = ["layout", "home", "tip", "chapter", "theme", "tips", "404", "search", "my-five"]

    /// Loads and parses every template once, reporting every error with its file and line.
    public static func load(from folder: UserPath, language: String) -> (SiteTheme?, [Diagnostic]) {
        loadTemplates(from: folder).withStrings(for: language)
    }

    /// The part of a theme that does not depend on the handbook's language: a build loads it while it reads the content.
    struct Templates: Sendable {
        let folder: UserPath
        let library: TemplateLibrary?
        let assets: ThemeAssets
        let diagnostics: [Diagnostic]

        /// The theme with the strings for `language` (falling back to English key by key).
        func withStrings(for language: String) -> (SiteTheme?, [Diagnostic]) {
            var diagnostics = self.diagnostics
            let strings = loadStrings(folder: folder, language: language, diagnostics: &diagnostics)
            guard let library, !diagnostics.hasErrors else { return (nil, diagnostics) }
            let files = ThemeFiles(folder: folder)
            let stylesheet = files.file("assets/handbook.css")?.text ?? ""
            return (SiteTheme(folder: folder, library: library, strings: strings,
                              stylesheet: stylesheet.replacingASCII("</", with: "<\\/"),
                              hasBooklet: files.hasFiles(under: bookletFolder), assets: assets), diagnostics)
        }
    }

    /// Reads and parses the templates, the folder's over the built-in ones.
    static func loadTemplates(from folder: UserPath) -> Templates {
        var diagnostics: [Diagnostic] = []
        let files = ThemeFiles(folder: folder)
        var texts: [String: String] = [:]
        var shown: [String: String] = [:]
        for relative in files.paths(under: "templates") where relative.hasSuffix(".mustache") {
            let own = folder.appending("templates/" + relative)
            // A file of the folder that cannot be read is reported, not replaced by the built-in one.
            guard let file = files.file("templates/" + relative),
                  !file.isBuiltIn || !FileManager.default.fileExists(atPath: own.path) else {
                diagnostics.append(.error("cannot read template", at: SourceLocation(file: own.shown, line: 1, column: 1),
                                          hint: "check that the file is readable (permissions)"))
                continue
            }
            guard let text = file.text else {
                // The decoder of content files says where the first bad byte is.
                if case .failure(let problem) = SourceFile.decode(Data(file.bytes), path: file.shown) { diagnostics.append(problem) }
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            texts[name] = text
            shown[name] = file.shown
        }
        let templatesFolder = folder.appending("templates")
        var library: TemplateLibrary?
        do {
            library = try TemplateLibrary(templates: texts)
        } catch {
            for problem in error.errors {
                diagnostics.append(.error("template error: \(problem.message)",
                                          at: SourceLocation(file: shown[problem.name] ?? templatesFolder.appending("\(problem.name).mustache").shown,
                                                             line: problem.line, column: problem.column),
                                          hint: "near: \(problem.lineText.trimmingWhitespace())"))
            }
        }
        for name in requiredTemplates where texts[name] == nil && !diagnostics.hasErrors {
            diagnostics.append(.error("theme has no template '\(name).mustache'",
                                      at: SourceLocation(file: templatesFolder.shown),
                                      hint: "'handbook theme copy' writes out the built-in theme's"))
        }
        if let library { diagnostics += PartialCycles.check(library, in: templatesFolder, texts: texts) }
        let (assets, assetProblems) = ThemeAssets.load(from: folder)
        return Templates(folder: folder, library: library, assets: assets, diagnostics: diagnostics + assetProblems)
    }

    /// Renders a page from its context stack (`PageBuilder.layers(for:)`) into `output`, a buffer
    /// reused from page to page; throws when it grows past `TemplateRenderer.maxOutput`.
    func render(_ template: String, layers: [TemplateValue], into output: inout [UInt8]) throws {
        guard library.render(template, layers: layers, into: &output) else {
            output.removeAll(keepingCapacity: true)
            throw BuildFailure([.error("a page made with template '\(template)' grew past \(TemplateRenderer.maxOutput >> 20) MB, and rendering stopped",
                                       at: SourceLocation(file: folder.appending("templates/\(template).mustache").shown, line: 1, column: 1),
                                       hint: "look for a section repeated inside itself, such as {{#tips}} inside {{#tips}}")])
        }
    }

    // MARK: - Strings

    private static func loadStrings(folder: UserPath, language: String,
                                    diagnostics: inout [Diagnostic]) -> [String: String] {
        func read(_ code: String) -> [String: String]? {
            guard let file = ThemeFiles(folder: folder).file("strings/\(code).yml"), let text = file.text else { return nil }
            switch StringsFile.read(text, file: file.shown) {
            case .success(let entries): return entries
            case .failure(let problem):
                diagnostics.append(problem)
                return nil
            }
        }
        let english = read("en") ?? [:]
        guard language != "en" else { return english }
        guard let chosen = read(language) else {
            diagnostics.append(.warning("the theme has no strings for language '\(language)'; using English",
                                        at: SourceLocation(file: folder.appending("strings").shown),
                                        hint: "add \(folder.appending("strings/\(language).yml")), translated from en.yml"))
            return english
        }
        return english.merging(chosen) { _, translated in translated }
    }

    /// Sorted language tags of the folder's `strings/<language>.yml` files, for messages that list them.
    static func languages(in folder: UserPath) -> [String] {
        FolderListing.names(in: folder.appending("strings").path)
            .filter { $0.hasSuffix(".yml") }
            .map { String($0.dropLast(4)) }
            .filter(LanguageTag.isValid)
            .sorted()
    }
}
