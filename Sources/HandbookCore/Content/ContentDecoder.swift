//! Turns each source file into a model value: front matter fields checked, body kept with its line.

/// Decodes files one at a time. Problems inside a single file are found here; problems between
/// files (duplicates, unknown chapters, …) are the validator's.
enum ContentDecoder {
    static let tipKeys = ["number", "title", "chapter", "themes", "related", "summary", "flywheel_step", "draft"]
    static let chapterKeys = ["number", "title", "part", "summary"]
    static let configKeys = ["title", "subtitle", "language", "edition", "introduction", "base_url",
                             "edit_url", "themes", "flywheel", "unsafe_html"]
    static let themeKeys = ["slug", "title", "description", "order"]

    // MARK: - Tips and chapters

    /// Where each field of a tip is written, for errors the validator finds later.
    struct TipLocations: Sendable {
        var number: SourceLocation
        var chapter: SourceLocation
        var themes: [SourceLocation]
        var related: [SourceLocation]
        var flywheelStep: SourceLocation
    }

    static func tip(from file: SourceFile) -> (Tip?, TipLocations?, [Diagnostic]) {
        let (parsed, opened, initial) = open(file)
        guard var fields = parsed, let frontMatter = opened else { return (nil, nil, initial) }
        var diagnostics = initial
        fields.rejectUnknownKeys(allowed: tipKeys)
        let number = fields.int("number", required: true, example: "12")
        let title = fields.string("title", required: true, example: "Fix the problem first")
        let chapter = fields.int("chapter", required: true, example: "3")
        let themes = fields.strings("themes", required: true, example: "[empathy, flywheel]")
        let related = fields.ints("related") ?? []
        let summary = fields.string("summary")
        let step = fields.int("flywheel_step", example: "3")
        let draft = fields.bool("draft") ?? false
        if let themes, themes.isEmpty {
            fields.report("a tip needs at least one theme", at: "themes", hint: "write it as 'themes: [empathy]'")
        }
        if let number, number < 1 {
            fields.report("'number' must be 1 or more, found \(number)", at: "number",
                          hint: "number the tips from 1 (handbook new tip picks the next free number)")
        }
        diagnostics += fields.diagnostics
        diagnostics += emptyBodyCheck(frontMatter, file: file, kind: "tip")
        guard let number, let title, let chapter, let themes, !diagnostics.hasErrors else {
            return (nil, nil, diagnostics)
        }
        let locations = TipLocations(number: fields.keyLocation("number"), chapter: fields.location(of: fields["chapter"]),
                                     themes: themes.map(\.1), related: related.map(\.1),
                                     flywheelStep: fields.location(of: fields["flywheel_step"]))
        return (Tip(number: number, title: title, chapter: chapter, themes: themes.map(\.0),
                    related: related.map(\.0), summary: summary, flywheelStep: step, draft: draft,
                    body: frontMatter.body, source: MarkdownSource(file: file.path, firstLine: frontMatter.bodyLine),
                    slug: slug(of: file.path)),
                locations, diagnostics)
    }

    /// A chapter and the place of its `number:` key.
    static func chapter(from file: SourceFile) -> ((Chapter, SourceLocation)?, [Diagnostic]) {
        let (parsed, opened, initial) = open(file)
        guard var fields = parsed, let frontMatter = opened else { return (nil, initial) }
        var diagnostics = initial
        fields.rejectUnknownKeys(allowed: chapterKeys)
        let number = fields.int("number", required: true, example: "3")
        let title = fields.string("title", required: true, example: "Effective empathy")
        let part = fields.string("part")
        let summary = fields.string("summary")
        diagnostics += fields.diagnostics
        diagnostics += emptyBodyCheck(frontMatter, file: file, kind: "chapter")
        guard let number, let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let chapter = Chapter(number: number, title: title, part: part, summary: summary, body: frontMatter.body,
                              source: MarkdownSource(file: file.path, firstLine: frontMatter.bodyLine),
                              slug: slug(of: file.path))
        return ((chapter, fields.keyLocation("number")), diagnostics)
    }

    // MARK: - handbook.yml

    /// `themeLanguages`: the languages the theme has strings for, named when `language` is not a tag.
    static func config(from file: SourceFile, themeLanguages: [String] = []) -> (HandbookConfig?, [Diagnostic]) {
        let (parsed, parseDiagnostics) = YAMLFields.parse(file.text, file: file.path, firstLine: 1)
        guard var fields = parsed else { return (nil, parseDiagnostics) }
        fields.rejectUnknownKeys(allowed: configKeys)
        let title = fields.string("title", required: true, example: "Our customer handbook")
        let subtitle = fields.string("subtitle")
        var language = fields.string("language") ?? "en"
        if !LanguageTag.isValid(language) {
            // Never a path: it names a strings file and goes into `<html lang>`.
            fields.report("'language' must be a language tag such as 'en', 'nl' or 'nl-BE', found '\(language)'", at: "language",
                          hint: themeLanguages.isEmpty ? "for example 'language: nl'"
                              : "the theme has strings for \(themeLanguages.joined(separator: ", "))")
            language = "en"
        }
        let edition = fields.string("edition")
        let introduction = fields.string("introduction")
        let introductionLine = fields["introduction"]?.mark.map { $0.line + 1 } ?? 1
        let baseURL = fields.string("base_url")
        let editURL = fields.string("edit_url")
        let unsafeHTML = fields.bool("unsafe_html") ?? false
        let flywheel = fields.strings("flywheel")?.map(\.0) ?? []
        var themeLocations: [String: SourceLocation] = [:]
        let themes = decodeThemes(&fields, locations: &themeLocations)
        var diagnostics = fields.diagnostics
        func requireAbsolute(_ key: String, _ url: String?, example: String) {
            guard let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) else { return }
            diagnostics.append(.error("'\(key)' must be an absolute http(s) URL", at: fields.keyLocation(key),
                                      hint: "for example '\(key): \(example)'"))
        }
        requireAbsolute("base_url", baseURL, example: "https://intranet.example.com/handbook/")
        requireAbsolute("edit_url", editURL, example: "https://git.example.com/cx/handbook/-/edit/main/content/")
        guard let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
        var config = HandbookConfig(title: title, subtitle: subtitle, language: language, edition: edition,
                                    introduction: introduction, introductionLine: introductionLine, baseURL: baseURL, editURL: editURL,
                                    themes: themes, flywheelSteps: flywheel, unsafeHTML: unsafeHTML)
        config.sourceFile = file.path
        config.themeLocations = themeLocations
        return (config, diagnostics)
    }

    private static func decodeThemes(_ fields: inout YAMLFields, locations: inout [String: SourceLocation]) -> [Theme] {
        let items = fields.mappings("themes", each: "theme", with: "'slug:', 'title:' and 'description:'",
                                    missingHint: "list the handbook's themes, each with 'slug:', 'title:' and 'description:'")
        var themes: [Theme] = []
        for (index, var theme) in (items ?? []).enumerated() {
            theme.rejectUnknownKeys(allowed: themeKeys)
            let slug = theme.string("slug", required: true, example: "empathy")
            let title = theme.string("title", required: true, example: "Empathy")
            let description = theme.string("description") ?? ""
            let order = theme.int("order") ?? index + 1
            if let slug, !isValidSlug(slug) {
                theme.report("theme slug '\(slug)' may contain only lowercase letters, digits and '-'", at: "slug",
                             hint: "for example 'never-normal'")
            }
            if let slug, let first = locations[slug] {
                theme.report("theme '\(slug)' is declared twice", at: "slug", hint: "first declared at line \(first.line)")
            }
            fields.diagnostics += theme.diagnostics
            if let slug, let title {
                locations[slug] = theme.keyLocation("slug")
                themes.append(Theme(slug: slug, title: title, description: description, order: order))
            }
        }
        return themes.sorted { $0.order < $1.order }
    }

    // MARK: - Helpers

    static func open(_ file: SourceFile) -> (YAMLFields?, FrontMatter?, [Diagnostic]) {
        switch FrontMatter.split(file) {
        case .failure(let diagnostic):
            return (nil, nil, [diagnostic])
        case .success(let frontMatter):
            let (fields, diagnostics) = YAMLFields.parse(frontMatter.yaml, file: file.path, firstLine: frontMatter.yamlLine)
            return (fields, frontMatter, diagnostics)
        }
    }

    /// The number of a tip that failed, when its front matter gives one: other tips may name it.
    static func declaredNumber(in file: SourceFile) -> Int? {
        guard var fields = open(file).0 else { return nil }
        return fields.int("number")
    }

    static func emptyBodyCheck(_ frontMatter: FrontMatter, file: SourceFile, kind: String) -> [Diagnostic] {
        guard frontMatter.body.allSatisfy(\.isWhitespace) else { return [] }
        return [.error("the \(kind) has no text after its front matter",
                       at: SourceLocation(file: file.path, line: frontMatter.bodyLine - 1, column: 1),
                       hint: "write the \(kind)'s Markdown below the closing '---'")]
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// `content/tips/012-Listen first.md` → `012-listen-first`: safe in a URL and on any disk.
    static func slug(of path: String) -> String {
        URLSlug.make(stem(of: path))
    }

    /// The file name without a `.md` extension (any case, see `ContentLoader.isMarkdownName`).
    static func stem(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        return String(ContentLoader.isMarkdownName(name) ? name.dropLast(3) : name)
    }

}
