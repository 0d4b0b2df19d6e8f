//! The build as a list of named steps: load → validate → theme → Markdown → pages → write.

import FoundationEssentials
import Dispatch

public enum SiteBuilder {
    /// Everything up to rendered pages, in memory; shared by `build` and `check`.
    public struct Prepared: Sendable {
        public var handbook: Handbook
        public var content: RenderedContent
        public var theme: SiteTheme
        public var diagnostics: [Diagnostic]
        /// The booklet's theme and bodies, made with the site's when `prepare` is asked for them.
        public var booklet: PreparedBooklet?
        /// Where this language's site goes: "" for the original, "nl/" for a translation.
        public var folder = ""
        /// The other languages, each prepared the same way (empty in a translation).
        public var translations: [Prepared] = []
        /// When each content file last changed (a tip's "Last changed").
        public var fileDates: FileDates?

        /// Each translation's progress: `nl: 109 of 109 tips, 12 of 12 chapters translated`.
        public var translationSummary: [String] {
            translations.map { edition in
                let handbook = edition.handbook
                return "\(handbook.config.language): \(handbook.tips.filter { $0.textLanguage == nil }.count) of \(handbook.tips.count) tips, "
                    + "\(handbook.chapters.filter { $0.textLanguage == nil }.count) of \(handbook.chapters.count) chapters translated"
            }
        }

        /// The booklet's HTML on `paper`, when the theme has a booklet.
        public func bookletHTML(paper: PaperSize = .a5, withPDF: Bool = false) -> String? {
            booklet.map { booklet in
                String(decoding: BookletBuilder.html(for: handbook, booklet: booklet, paper: paper,
                                                     pdfName: withPDF ? SitePaths.bookletPDFName : nil), as: UTF8.self)
            }
        }
    }

    /// Loads, validates and renders the Markdown; throws every error found, with the warnings. With
    /// `booklet`, every body is also rendered for the booklet's theme, from the same parse.
    public static func prepare(_ options: BuildOptions, booklet: Bool = false,
                               progress: (String) -> Void = { _ in }) throws -> Prepared {
        try checkFolders(options)
        // The templates do not depend on the content: they are parsed while it is read.
        let templates = BackgroundJob { SiteTheme.loadTemplates(from: options.theme) }
        let fileDates = BackgroundJob { FileDates.collect(content: options.content, useGit: options.datesFromGit) }
        let bookletFiles = booklet
            ? BackgroundJob { BookletTheme.loadFiles(from: options.theme) } : nil
        progress("Loading content")
        let files = ContentLoader.load(root: options.content)
        progress("Validating")
        let (validated, partial, problems) = HandbookValidator.validateKeepingPartial(files, options: .init(includeDrafts: options.includeDrafts,
                                                                                     themeLanguages: SiteTheme.languages(in: options.theme)))
        var diagnostics = problems
        let fileTimes = FileDates.fileTimes(of: files)
        progress("Loading theme")
        let language = validated?.config.language ?? "en"
        let (theme, themeProblems) = templates.result().withStrings(for: language)
        diagnostics += themeProblems
        let bookletTheme = loadBooklet(bookletFiles, language: language, siteTheme: theme, diagnostics: &diagnostics)
        guard let handbook = validated, let theme else {
            // References between files are wrong, but every file was read: their bodies are checked too.
            if let partial { diagnostics += ContentRenderer.renderForSite(partial).1.filter { $0.severity == .error } }
            throw BuildFailure(diagnostics.sortedByLocation())
        }
        progress("Rendering Markdown")
        var prepared = render(handbook, theme: theme, booklet: bookletTheme, diagnostics: &diagnostics)
        for translation in handbook.translations {
            let language = translation.config.language
            let (theme, themeProblems) = templates.result().withStrings(for: language)
            diagnostics += themeProblems
            let bookletTheme = loadBooklet(bookletFiles, language: language, siteTheme: theme, diagnostics: &diagnostics)
            guard let theme else { continue }
            var edition = render(translation, theme: theme, booklet: bookletTheme, diagnostics: &diagnostics)
            edition.folder = language + "/"
            prepared.translations.append(edition)
        }
        // A tip shown untranslated is rendered, and the theme loaded, in each language: their problems are reported once.
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }.sortedByLocation()
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        prepared.diagnostics = diagnostics
        prepared.fileDates = fileDates.result().with(fileTimes: fileTimes)
        for index in prepared.translations.indices { prepared.translations[index].fileDates = prepared.fileDates }
        return prepared
    }

    private static func loadBooklet(_ files: BackgroundJob<Result<BookletTheme.Files?, BuildFailure>>?, language: String,
                                    siteTheme: SiteTheme?, diagnostics: inout [Diagnostic]) -> BookletTheme? {
        guard let files, let siteTheme else { return nil }
        do {
            return try files.result().get()?.withStrings(for: language, siteStrings: siteTheme.strings)
        } catch let failure as BuildFailure {
            diagnostics += failure.diagnostics
        } catch {
            diagnostics.append(.error("cannot load the booklet theme: \(error)", at: nil))
        }
        return nil
    }

    /// One language's Markdown, for the site and (with a booklet theme) for the booklet.
    private static func render(_ handbook: Handbook, theme: SiteTheme, booklet: BookletTheme?,
                               diagnostics: inout [Diagnostic]) -> Prepared {
        let alternate = booklet.map { BookletBuilder.alternateOutput(for: $0) }
        let (content, bodies, markdownProblems) = ContentRenderer.renderForSite(handbook, alternate: alternate)
        diagnostics += markdownProblems
        var prepared = Prepared(handbook: handbook, content: content, theme: theme, diagnostics: [])
        if let booklet, let bodies { prepared.booklet = PreparedBooklet(theme: booklet, bodies: bodies) }
        return prepared
    }

    /// Builds the site into `options.output`, replacing the previous build only on success.
    @discardableResult
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildReport {
        let start = DispatchTime.now()
        let prepared = try prepare(options, booklet: true, progress: progress)
        let writer = try SiteWriter(output: options.output)
        do {
            progress("Rendering pages, search index, booklet and assets")
            let pages = try write(prepared, into: writer)
            progress("Writing site")
            try writer.commit()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            var report = BuildReport(pages: pages, tips: prepared.handbook.tips.count, chapters: prepared.handbook.chapters.count,
                                     themes: prepared.handbook.themes.count, seconds: seconds,
                                     diagnostics: prepared.diagnostics, output: options.output.shown)
            report.languages = ([prepared] + prepared.translations).map(\.handbook.config.language)
            return report
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Renders every page, the search files, the booklet, the assets and the sitemap into `sink`
    /// (a folder, or memory for the preview), on all cores; returns the number of HTML pages.
    @discardableResult
    public static func write(_ prepared: Prepared, into sink: OutputSink) throws -> Int {
        let editions = [prepared] + prepared.translations
        guard editions.count > 1 else {
            let paths = try writeEdition(prepared, into: sink, languages: nil, siteKey: nil)
            try writeSitemap(of: prepared, paths: paths, into: sink)
            return paths.count
        }
        let versions = editions.map { edition in
            LanguageVersions.Version(language: edition.handbook.config.language,
                                     name: edition.theme.strings["language_name"] ?? edition.handbook.config.language,
                                     handbook: edition.handbook, folder: edition.folder)
        }
        let siteKey = URLSlug.make(prepared.handbook.config.title)
        var paths: [String] = []
        for (index, edition) in editions.enumerated() {
            paths += try writeEdition(edition, into: edition.folder.isEmpty ? sink : FolderSink(sink, folder: edition.folder),
                                      languages: LanguageVersions(versions: versions, current: index), siteKey: siteKey)
                .map { edition.folder + $0 }
        }
        try writeSitemap(of: prepared, paths: paths, into: sink)
        return paths.count
    }

    /// One sitemap for every language, when the site's address is known.
    private static func writeSitemap(of prepared: Prepared, paths: [String], into sink: OutputSink) throws {
        guard let base = prepared.handbook.config.baseURL else { return }
        try sink.write(Sitemap.xml(paths: paths.filter { !$0.hasSuffix(SitePaths.notFound) }, base: base), to: SitePaths.sitemap)
    }

    /// One language's site; returns the paths of its HTML pages.
    private static func writeEdition(_ prepared: Prepared, into sink: OutputSink, languages: LanguageVersions?,
                                     siteKey: String?) throws -> [String] {
        let handbook = prepared.handbook
        let pages = PageKind.all(for: handbook)
        let paths = pages.concurrentMap { $0.path(in: handbook) }
        try sink.prepareFolders(for: paths + prepared.theme.assets.files.map(\.path)
                                + (prepared.booklet == nil ? [] : [SitePaths.booklet]))
        let builder = try PageBuilder(handbook: handbook, content: prepared.content, strings: prepared.theme.strings,
                                  inlineStylesheet: prepared.theme.stylesheet,
                                  hasBooklet: prepared.theme.hasBooklet, shareSummaries: pages.count > 64,
                                  languages: languages, siteKey: siteKey, contentsTheme: prepared.theme,
                                  fileDates: prepared.fileDates)
        // The booklet is one long job: it runs beside the pages, not after them.
        let booklet: [@Sendable () throws -> Void] = prepared.booklet.map { booklet in
            [{ try sink.write(utf8: BookletBuilder.html(for: handbook, booklet: booklet), to: SitePaths.booklet) }]
        } ?? []
        let assets: @Sendable () throws -> Void = {
            for file in prepared.theme.assets.files { try sink.write(utf8: file.bytes, to: file.path) }
        }
        let jobs = booklet + searchFileJobs(prepared, into: sink) + [assets]
        let total = jobs.count + pages.count
        let failures = ConcurrentResults<Error?>(count: total)
        let next = NextIndex(count: total)
        // One worker per core, each with its own output buffer; the long jobs go first, the pages fill in around them.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, total))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var html: [UInt8] = []
            while let index = next.take() {
                do {
                    if index < jobs.count {
                        try jobs[index]()
                    } else {
                        let page = index - jobs.count
                        try prepared.theme.render(pages[page].template, layers: builder.layers(for: pages[page]), into: &html)
                        try sink.write(utf8: html, to: paths[page])
                    }
                    failures[index] = .some(nil)
                } catch {
                    failures[index] = .some(error)
                }
            }
        }
        if let error = failures.takeValues().compactMap({ $0 }).first { throw error }
        return paths
    }

    /// The search files as jobs beside the pages: the index on its worker's thread alone (every core
    /// is busy with pages, so a nested parallel loop adds nothing), and each text chunk on its own.
    private static func searchFileJobs(_ prepared: Prepared, into sink: OutputSink) -> [@Sendable () throws -> Void] {
        let index: @Sendable () throws -> Void = {
            let index = SearchIndexBuilder.build(prepared.handbook, content: prepared.content, onAllCores: false)
            try sink.write(utf8: SearchScripts.data(index), to: SearchScripts.dataPath)
            try sink.write(utf8: SearchScripts.invertedIndex(index), to: SearchScripts.indexPath)
        }
        let chunks = (0..<SearchScripts.chunkCount(tips: prepared.content.tips.count)).map { chunk -> @Sendable () throws -> Void in
            {
                let texts = prepared.content.tips.lazy.map(\.plainText)
                try sink.write(utf8: SearchScripts.textChunk(chunk, texts: texts), to: SearchScripts.textPath(chunk: chunk))
            }
        }
        return [index] + chunks
    }

    /// The output may not be inside the content or the theme, nor hold either: each build would
    /// copy the last into itself, or replace what the user wrote. Compared with links resolved.
    private static func checkFolders(_ options: BuildOptions) throws {
        var isFolder = false
        if options.themeNamed, !FileManager.default.fileExists(atPath: options.theme.path, isDirectory: &isFolder) || !isFolder {
            throw BuildFailure([.error("theme folder '\(options.theme)' does not exist", at: nil,
                                       hint: "leave out --theme for the built-in theme, or write it out with 'handbook theme copy'")])
        }
        let output = canonicalPath(options.output.path)
        for (folder, name) in [(options.content, "content"), (options.theme, "theme")] {
            let path = canonicalPath(folder.path)
            if output == path || output.hasPrefix(path + "/") {
                throw BuildFailure([.error("the output folder '\(options.output)' is inside the \(name) folder", at: nil,
                                           hint: "pass --output with a folder outside '\(folder)', e.g. site")])
            }
            if path.hasPrefix(output + "/") {
                throw BuildFailure([.error("the output folder '\(options.output)' contains the \(name) folder", at: nil,
                                           hint: "pass --output with a folder beside '\(folder)', e.g. site")])
            }
        }
    }

    /// The absolute path with every link resolved, for the part that exists; the rest as written.
    private static func canonicalPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while existing.path != "/" {
            if let resolved = ContentLoader.realPath(existing.path) {
                return ([resolved] + rest.reversed()).joined(separator: "/")
            }
            rest.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

}
