//! Broken and hostile content: every case ends in a clear diagnostic (file:line where there is
//! one) or simply works. Never a crash, a hang, or a file touched outside the output folder.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct HostileInputTests {
    private func problems(_ files: [String: String]) -> [String] {
        ContentFixture(ContentFixture.standard(files)).problems()
    }

    private func problems(bytes: [UInt8], at path: String) -> [String] {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write(Data(bytes), to: "content/" + path)
        return fixture.problems()
    }

    // MARK: - Encodings and line ends

    @Test func byteOrderMarkAndCRLFKeepLineNumbers() {
        let text = ContentFixture.tip(4, themes: "[empaty]", related: "[1]").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(problems(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), at: "tips/004-x.md") == [
            "content/tips/004-x.md:5:10: error: unknown theme 'empaty'\n    hint: did you mean 'empathy'?",
        ])
    }

    @Test func loneCarriageReturnsKeepLineNumbers() {
        let text = ContentFixture.tip(4, themes: "[empaty]", related: "[1]").replacingOccurrences(of: "\n", with: "\r")
        #expect(problems(bytes: Array(text.utf8), at: "tips/004-x.md") == [
            "content/tips/004-x.md:5:10: error: unknown theme 'empaty'\n    hint: did you mean 'empathy'?",
        ])
    }

    @Test func binaryFileWithMarkdownExtension() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(problems(bytes: png, at: "tips/004-image.md") == [
            "content/tips/004-image.md:3:1: error: file contains a NUL byte; it looks like a binary file, not Markdown\n    hint: remove the file from the content folder or save it as plain UTF-8 text",
        ])
    }

    // MARK: - Front matter

    @Test func emptyFrontMatter() {
        #expect(problems(["tips/004-x.md": "---\n---\nBody\n"]) == [
            "content/tips/004-x.md:1:1: error: front matter is empty\n    hint: add at least the required fields, for example 'number:' and 'title:'",
        ])
    }

    @Test func numbersGivenAsStringsAreAccepted() {
        #expect(problems(["tips/004-x.md": "---\nnumber: \"4\"\ntitle: Four\nchapter: '1'\nthemes: empathy\nrelated: [\"1\"]\n---\nBody\n\n**How you'll know:** soon.\n"]) == [])
    }

    @Test func aListWhereANumberBelongs() {
        #expect(problems(["tips/004-x.md": "---\nnumber: [4, 5]\ntitle: Four\nchapter: 1\nthemes: [empathy]\nrelated: [1]\n---\nBody\n"]) == [
            "content/tips/004-x.md:2:9: error: 'number' must be a whole number, found a list\n    hint: write it as digits, for example 'number: 12'",
        ])
    }

    @Test func billionLaughsIsRejectedWithoutExpanding() {
        var yaml = "---\nnumber: 4\ntitle: Laughs\nchapter: 1\nrelated: [1]\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "themes: *l9\n---\nBody\n"
        let result = problems(["tips/004-x.md": yaml])
        // The alias's items point back at their anchors' lines.
        #expect(result.contains("content/tips/004-x.md:14:5: error: each item of 'themes' must be a single value, found a list"))
        #expect(result.contains("content/tips/004-x.md:6:1: error: unknown key 'l0'\n    hint: allowed keys are number, title, chapter, themes, related, summary, flywheel_step, draft"))
    }

    @Test func customTagsAreReadAsPlainValues() {
        #expect(problems(["tips/004-x.md": ContentFixture.tip(4, title: "!shout Loud title", related: "[1]")]) == [])
    }

    @Test func aTenMegabyteValueWorks() throws {
        let long = String(repeating: "word ", count: 2_000_000)
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-x.md": ContentFixture.tip(4, related: "[1]")
            .replacingOccurrences(of: "summary: Summary 4.", with: "summary: \(long)")]))
        let prepared = try SiteBuilder.prepare(fixture.options)
        #expect(prepared.handbook.tip(number: 4)?.summary?.count == long.count - 1)
    }

    // MARK: - Markdown

    @Test func deeplyNestedQuotesAndListsRender() throws {
        let quotes = String(repeating: "> ", count: 100_000) + "deep"
        let lists = String(repeating: "- ", count: 100_000) + "deep"
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004-q.md": ContentFixture.tip(4, related: "[1]", body: quotes),
            "tips/005-l.md": ContentFixture.tip(5, related: "[1]", body: lists),
        ]))
        let prepared = try SiteBuilder.prepare(fixture.options)
        let html = prepared.content.tips[try #require(prepared.handbook.tipPosition(number: 4))].html
        #expect(html.hasPrefix("<blockquote>"))
        #expect(html.contains("deep"))
    }

    @Test func tenThousandLinksInATip() throws {
        let body = (1...10_000).map { "[t](tip:\($0 % 3 + 1))" }.joined(separator: " ")
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: body)]))
        let prepared = try SiteBuilder.prepare(fixture.options)
        let rendered = prepared.content.tips[try #require(prepared.handbook.tipPosition(number: 4))]
        #expect(rendered.tipReferences == [2, 3, 1])
        #expect(rendered.html.components(separatedBy: "<a href=").count == 10_001)
    }

    @Test func aFiftyMegabyteTip() throws {
        let paragraph = String(repeating: "All work and no play. ", count: 50) + "\n\n"
        let body = String(repeating: paragraph, count: 50 * 1024 * 1024 / paragraph.utf8.count)
        let fixture = ContentFixture(ContentFixture.standard(["tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: body)]))
        let pages = try fixture.pages()
        #expect((pages["tips/004-x.html"]?.utf8.count ?? 0) > 50_000_000)
    }

    // MARK: - Files and folders

    @Test func symlinksOutsideTheContentFolderAreRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write(ContentFixture.tip(9, related: "[1]"), to: "outside/009-secret.md")
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.file("content/tips/009-secret.md").path,
                                                   withDestinationPath: fixture.directory.file("outside/009-secret.md").path)
        let result = fixture.problems()
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("content/tips/009-secret.md: error: symlink points outside the content folder, to '") == true)
    }

    @Test func symlinkLoopsAreReported() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.file("content/tips/loop").path,
                                                   withDestinationPath: fixture.directory.file("content/tips/loop").path)
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.file("content/tips/up").path,
                                                   withDestinationPath: fixture.directory.file("content/tips").path)
        let result = fixture.problems()
        #expect(result == ["content/tips/loop: error: symlink cannot be followed (it is broken or loops)\n    hint: fix or remove the link"])
    }

    @Test func symlinksInsideTheContentFolderWork() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write(ContentFixture.tip(9, related: "[1]"), to: "content/drafts/009-linked.md")
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.file("content/tips/009-linked.md").path,
                                                   withDestinationPath: fixture.directory.file("content/drafts/009-linked.md").path)
        #expect(fixture.validate().0?.tip(number: 9) != nil)
    }

    @Test func themeAssetLinksOutsideTheThemeAreLeftOutAndNoLinkIsPublished() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let theme = fixture.directory.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        fixture.directory.write("TOP-SECRET", to: "secret.txt")
        let assets = theme.appendingPathComponent("assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("secret.txt").path,
                                                   withDestinationPath: fixture.directory.file("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("copy.css").path,
                                                   withDestinationPath: "handbook.css")
        var options = fixture.options
        options.theme = UserPath(path: theme.path, shown: "theme")
        let report = try SiteBuilder.build(options)
        #expect(report.diagnostics.map(\.description) == [
            "theme/assets/secret.txt: warning: theme asset 'theme/assets/secret.txt' is not published: it is a link that leads outside the theme folder, or nowhere\n    hint: copy the file into the theme instead of linking to it",
        ])
        let site = fixture.directory.file("site/assets")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("secret.txt").path))
        let copy = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("copy.css").path)
        #expect(copy[.type] as? FileAttributeType == .typeRegular)
        #expect(try Data(contentsOf: site.appendingPathComponent("copy.css")) == Data(contentsOf: assets.appendingPathComponent("handbook.css")))
    }

    @Test func unreadableFile() throws {
        // root reads every file whatever its mode, so this case can only be seen as a normal user.
        guard getuid() != 0 else { return }
        let fixture = ContentFixture(ContentFixture.standard())
        chmod(fixture.directory.file("content/tips/003-three.md").path, 0)
        #expect(fixture.problems().contains("content/tips/003-three.md: error: cannot read file\n    hint: check that the file is readable (permissions)"))
    }

    @Test func fileNamesWithSpacesAccentsAndOtherScripts() throws {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/004 Café crème.md": ContentFixture.tip(4, related: "[1]"),
            "tips/005-日本語のヒント.md": ContentFixture.tip(5, related: "[4]", body: "See [x](<004 Café crème.md>)."),
        ]))
        let pages = try fixture.pages()
        #expect(pages["tips/004-cafe-creme.html"] != nil)
        #expect(pages["tips/005-日本語のヒント.html"] != nil)
        #expect(pages["tips/005-日本語のヒント.html"]?.contains("href=\"../tips/004-cafe-creme.html\"") == true)
    }

    // MARK: - Themes

    /// The problems a build reports after `edit` changes a copy of the default theme's
    /// `templates/` (or, with `booklet`, its `booklet/` folder, which only a build with the
    /// booklet reads).
    private func themeProblems(booklet: Bool = false, _ edit: (URL) throws -> Void) throws -> [String] {
        let fixture = ContentFixture(ContentFixture.standard())
        let theme = fixture.directory.file("theme")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        try edit(theme.appendingPathComponent(booklet ? "booklet" : "templates"))
        var options = fixture.options
        options.theme = UserPath(url: theme, shown: "theme")
        do {
            _ = try SiteBuilder.prepare(options, booklet: booklet)
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        }
    }

    /// A page template, or the booklet's (which only a build with the booklet reads).
    @Test(arguments: [false, true]) func templateThatFailsToParse(booklet: Bool) throws {
        let file = booklet ? "booklet/booklet.mustache" : "templates/tips.mustache"
        let result = try themeProblems(booklet: booklet) { folder in
            try "<h1>{{title}}</h1>\n{{#tips}}\n<p>{{name}}</p>\n{{/tip}}\n".write(to: folder.appendingPathComponent(file.components(separatedBy: "/")[1]), atomically: true, encoding: .utf8)
        }
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("theme/\(file):4:") == true)
        #expect(result.first?.contains("a section is closed with a different name than it was opened with") == true)
    }

    @Test func bookletStringsThatAreNotKeyTextLines() throws {
        let result = try themeProblems(booklet: true) { folder in
            try "- a list\n- not key: text lines\n".write(to: folder.appendingPathComponent("strings/en.yml"), atomically: true, encoding: .utf8)
        }
        #expect(result == ["theme/booklet/strings/en.yml: error: strings file must be 'key: text' lines"])
    }

    /// A strings file that is not YAML is reported where libyaml stopped, the site's and the booklet's alike.
    @Test(arguments: [false, true]) func stringsThatAreNotYAML(booklet: Bool) throws {
        let result = try themeProblems(booklet: booklet) { folder in
            let strings = (booklet ? folder : folder.deletingLastPathComponent()).appendingPathComponent("strings/en.yml")
            try "home: Home\nall_tips: [unclosed\n".write(to: strings, atomically: true, encoding: .utf8)
        }
        let file = booklet ? "theme/booklet/strings/en.yml" : "theme/strings/en.yml"
        #expect(result == ["\(file):3:1: error: invalid YAML: did not find expected ',' or ']'\n"
                           + "    hint: check the indentation and quote values that contain ':' or '#'"])
    }

    /// A theme folder overrides the built-in theme file by file: a template it lacks is the built-in one.
    @Test func missingTemplateComesFromTheBuiltInTheme() throws {
        let result = try themeProblems { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("tip.mustache"))
        }
        #expect(result == [])
    }

    @Test func partialThatIncludesItself() throws {
        let result = try themeProblems { folder in
            try "<footer>{{>partials/footer}}</footer>\n".write(to: folder.appendingPathComponent("partials/footer.mustache"), atomically: true, encoding: .utf8)
        }
        #expect(result == ["theme/templates/partials/footer.mustache:1:9: error: templates include each other without end: partials/footer → partials/footer\n    hint: remove one of the {{> …}} includes"])
    }

    @Test func defaultThemePrintsRawOnlyRenderedMarkdown() throws {
        let folder = packageRoot.appendingPathComponent("themes/default/templates")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        let raw = try NSRegularExpression(pattern: #"\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+)\s*\}\}"#)
        var checked = 0
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in raw.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                let name = String(text[Range(range, in: text)!])
                #expect(name.hasSuffix("_html") || name.hasSuffix("_css") || name.hasSuffix("_svg") || name.hasSuffix("_json"),
                        "\(file) prints '\(name)' without escaping")
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}
