//! The build as a list of named steps: load → validate → theme → Markdown → pages → write.

import Foundation

public enum SiteBuilder {
    /// Everything up to rendered pages, in memory; shared by `build` and `check`.
    public struct Prepared: Sendable {
        public var handbook: Handbook
        public var content: RenderedContent
        public var theme: SiteTheme
        public var diagnostics: [Diagnostic]
    }

    /// Loads, validates and renders the Markdown. Throws every error found, with the warnings.
    /// `loadTheme` lets the preview reuse a theme it parsed earlier (for the handbook's language),
    /// and `cache` the files and bodies that an earlier build read, decoded and rendered.
    public static func prepare(_ options: BuildOptions,
                               loadTheme: ((_ language: String) -> (SiteTheme?, [Diagnostic]))? = nil,
                               cache: ContentCache? = nil,
                               progress: (String) -> Void = { _ in }) throws -> Prepared {
        try checkFolders(options)
        progress("Loading content")
        let files = ContentLoader.load(root: options.content, displayRoot: options.contentDisplay, cache: cache)
        progress("Validating")
        let (validated, problems) = HandbookValidator.validate(files, options: .init(includeDrafts: options.includeDrafts),
                                                               cache: cache)
        var diagnostics = problems
        progress("Loading theme")
        let language = validated?.config.language ?? "en"
        let (theme, themeProblems) = loadTheme?(language)
            ?? SiteTheme.load(from: options.theme, displayPath: options.themeDisplay, language: language)
        diagnostics += themeProblems
        guard let handbook = validated, let theme else { throw BuildFailure(diagnostics.sortedByLocation()) }
        progress("Rendering Markdown")
        let (content, markdownProblems) = ContentRenderer.renderForSite(handbook, cache: cache)
        diagnostics = (diagnostics + markdownProblems).sortedByLocation()
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return Prepared(handbook: handbook, content: content, theme: theme, diagnostics: diagnostics)
    }

    /// Builds the site into `options.output`, replacing the previous build only on success.
    @discardableResult
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildReport {
        let start = DispatchTime.now()
        let prepared = try prepare(options, progress: progress)
        let writer = try SiteWriter(output: options.output, displayPath: options.outputDisplay)
        do {
            progress("Rendering pages")
            let pages = try renderPages(prepared, into: writer)
            progress("Rendering booklet")
            try BookletBuilder.write(prepared, themeDisplay: options.themeDisplay, into: writer)
            progress("Copying assets")
            try writer.copyFolder(options.theme.appendingPathComponent("assets"), to: "assets")
            progress("Writing site")
            try writer.commit()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return BuildReport(pages: pages, tips: prepared.handbook.tips.count, chapters: prepared.handbook.chapters.count,
                               themes: prepared.handbook.themes.count, seconds: seconds,
                               diagnostics: prepared.diagnostics, output: options.outputDisplay)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Renders every page (or only the pages in `only`, for the preview's incremental rebuilds) and
    /// the sitemap on all cores into `sink`. Returns the number of HTML pages rendered.
    @discardableResult
    /// `searchFiles: false` leaves out the search index, which the preview makes on request.
    public static func renderPages(_ prepared: Prepared, only: Set<PageKind>? = nil, searchFiles: Bool = true,
                                   into sink: OutputSink) throws -> Int {
        let handbook = prepared.handbook
        let everyPage = PageKind.all(for: handbook)
        let pages = only.map { selected in everyPage.filter(selected.contains) } ?? everyPage
        let paths = pages.map { $0.path(in: handbook) }
        if let writer = sink as? SiteWriter { try writer.prepareFolders(for: paths + ["assets/x"]) }
        let builder = PageBuilder(handbook: handbook, content: prepared.content, strings: prepared.theme.strings,
                                  inlineStylesheet: prepared.theme.stylesheet)
        let failures = ConcurrentResults<Error?>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            do {
                let html = prepared.theme.render(pages[index].template, builder.context(for: pages[index]))
                try sink.write(html, to: paths[index])
                failures[index] = .some(nil)
            } catch {
                failures[index] = .some(error)
            }
        }
        if let error = failures.values.compactMap({ $0 }).first { throw error }
        if searchFiles { try writeSearchFiles(prepared, into: sink) }
        if let base = handbook.config.baseURL {
            let everyPath = everyPage.map { $0.path(in: handbook) }
            try sink.write(Sitemap.xml(paths: everyPath.filter { $0 != SitePaths.notFound }, base: base), to: SitePaths.sitemap)
        }
        return pages.count
    }

    /// The search index, tip data and snippet texts (`assets/*.js`).
    public static func writeSearchFiles(_ prepared: Prepared, into sink: OutputSink) throws {
        let files = SearchScripts.files(for: SearchIndexBuilder.build(prepared.handbook, content: prepared.content))
        let failures = ConcurrentResults<Error?>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do {
                try sink.write(files[index].text, to: files[index].path)
                failures[index] = .some(nil)
            } catch {
                failures[index] = .some(error)
            }
        }
        if let error = failures.values.compactMap({ $0 }).first { throw error }
    }

    // MARK: - Steps' helpers

    private static func checkFolders(_ options: BuildOptions) throws {
        let content = options.content.standardizedFileURL.path
        let output = options.output.standardizedFileURL.path
        if output == content || output.hasPrefix(content + "/") {
            throw BuildFailure([.error("the output folder '\(options.outputDisplay)' is inside the content folder", at: nil,
                                       hint: "pass --output with a folder outside '\(options.contentDisplay)', e.g. site")])
        }
        if content.hasPrefix(output + "/") {
            throw BuildFailure([.error("the output folder '\(options.outputDisplay)' contains the content folder", at: nil,
                                       hint: "pass --output with a folder beside '\(options.contentDisplay)', e.g. site")])
        }
    }
}
