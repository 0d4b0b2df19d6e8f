//! The visual theme: Mustache templates, interface strings per language, and static assets.

import Foundation
import Mustache
import Yams

/// A theme folder (`themes/default/`): `templates/**/*.mustache`, `strings/<lang>.yml`, `assets/`.
/// Named `SiteTheme` so that `Theme` stays the handbook's own word for its content categories.
public struct SiteTheme: Sendable {
    public let folder: URL
    let library: MustacheLibrary
    let templateNames: Set<String>
    /// Interface words for the handbook's language, falling back to English key by key.
    public let strings: [String: String]
    /// The theme's main stylesheet, inlined where a page cannot rely on finding it (404).
    public let stylesheet: String

    public static let requiredTemplates = ["layout", "home", "tip", "chapter", "theme", "tips", "404", "search", "my-five"]

    /// Loads and parses every template once. Reports all template errors with file and line.
    public static func load(from folder: URL, displayPath: String, language: String) -> (SiteTheme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let templatesFolder = folder.appendingPathComponent("templates")
        var templates: [String: MustacheTemplate] = [:]
        let files = FileManager.default.enumerator(atPath: templatesFolder.path)?.compactMap { $0 as? String } ?? []
        if files.isEmpty {
            return (nil, [.error("theme folder '\(displayPath)' has no templates/ folder with .mustache files", at: nil,
                                 hint: "pass --theme with the path of a theme, e.g. themes/default")])
        }
        for relative in files.sorted() where relative.hasSuffix(".mustache") {
            let shown = "\(displayPath)/templates/\(relative)"
            guard let data = FileManager.default.contents(atPath: templatesFolder.appendingPathComponent(relative).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("cannot read template as UTF-8 text", at: SourceLocation(file: shown)))
                continue
            }
            do {
                templates[String(relative.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template error: \(describe(error.error))",
                                          at: SourceLocation(file: shown, line: error.context.lineNumber,
                                                             column: error.context.columnNumber + 1),
                                          hint: "near: \(error.context.line.trimmingWhitespace())"))
            } catch {
                diagnostics.append(.error("template error: \(error)", at: SourceLocation(file: shown)))
            }
        }
        for name in requiredTemplates where templates[name] == nil && !diagnostics.hasErrors {
            diagnostics.append(.error("theme has no template '\(name).mustache'",
                                      at: SourceLocation(file: "\(displayPath)/templates"),
                                      hint: "copy it from themes/default/templates/"))
        }
        diagnostics += PartialCycles.check(templates: files, in: templatesFolder, displayPath: displayPath)
        let strings = loadStrings(folder: folder, displayPath: displayPath, language: language, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let stylesheet = (try? String(contentsOf: folder.appendingPathComponent("assets/handbook.css"), encoding: .utf8)) ?? ""
        return (SiteTheme(folder: folder, library: MustacheLibrary(templates: templates),
                          templateNames: Set(templates.keys), strings: strings,
                          stylesheet: stylesheet.replacingOccurrences(of: "</", with: "<\\/")), diagnostics)
    }

    /// Renders a page. The context's text values are HTML-escaped by `{{…}}`; only values the
    /// templates print with `{{{…}}}` (rendered Markdown) go in raw.
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    func hasTemplate(_ name: String) -> Bool { templateNames.contains(name) }

    // MARK: - Strings

    private static func loadStrings(folder: URL, displayPath: String, language: String,
                                    diagnostics: inout [Diagnostic]) -> [String: String] {
        func read(_ code: String) -> [String: String]? {
            let path = folder.appendingPathComponent("strings/\(code).yml").path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return nil
            }
            do {
                guard let map = try Yams.load(yaml: text) as? [String: Any] else {
                    diagnostics.append(.error("strings file must be 'key: text' lines",
                                              at: SourceLocation(file: "\(displayPath)/strings/\(code).yml")))
                    return nil
                }
                return map.mapValues { "\($0)" }
            } catch {
                diagnostics.append(.error("cannot read strings file: \(error)",
                                          at: SourceLocation(file: "\(displayPath)/strings/\(code).yml")))
                return nil
            }
        }
        let english = read("en") ?? [:]
        guard language != "en" else { return english }
        guard let chosen = read(language) else {
            diagnostics.append(.warning("the theme has no strings for language '\(language)'; using English",
                                        at: SourceLocation(file: "\(displayPath)/strings"),
                                        hint: "add \(displayPath)/strings/\(language).yml, translated from en.yml"))
            return english
        }
        return english.merging(chosen) { _, translated in translated }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened with"
        case .unfinishedName?: return "a tag is not closed with '}}'"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}
