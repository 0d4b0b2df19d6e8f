//! The theme built into the program, and a theme folder laid over it file by file.

import Foundation
@testable import HandbookCore
import Testing

@Suite struct ThemeOverrideTests {
    /// The program carries themes/default as it is in the source tree, file for file and byte for byte.
    @Test func builtInThemeIsThemesDefault() throws {
        let folder = packageRoot.appendingPathComponent("themes/default")
        let onDisk = (FolderListing.everyPath(under: folder.path) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        #expect(ThemeFiles.builtInPaths == onDisk.sorted())
        for path in onDisk {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(path)))
            #expect(ThemeFiles.builtIn(path) == bytes, "\(path) differs from the built-in copy")
        }
    }

    /// The pages of the fixture handbook built with the theme folder at `theme` (made by `make`).
    private func pages(_ fixture: ContentFixture, theme: String?, _ make: (URL) throws -> Void = { _ in }) throws -> [String: String] {
        var options = fixture.options
        if let theme {
            let folder = fixture.directory.file(theme)
            try make(folder)
            options.theme = UserPath(url: folder, shown: theme)
            options.themeNamed = false
        }
        let prepared = try SiteBuilder.prepare(options)
        let sink = MemorySink()
        try SiteBuilder.write(prepared, into: sink)
        return sink.files
    }

    @Test func withoutAThemeFolderTheSiteIsTheSameAsWithThemesDefault() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let fromFolder = try pages(fixture, theme: nil)
        let builtIn = try pages(fixture, theme: "missing")
        #expect(builtIn.keys.sorted() == fromFolder.keys.sorted())
        for (path, text) in fromFolder { #expect(builtIn[path] == text, "\(path) differs") }
        #expect(builtIn["assets/handbook.css"] != nil)
    }

    @Test func aFolderWithOnlyTheStylesheetChangesTheColoursAndKeepsEverythingElse() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let builtIn = try pages(fixture, theme: "missing")
        let css = ":root { --accent: #c0ffee; }\n"
        let custom = try pages(fixture, theme: "mine") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try css.write(to: folder.appendingPathComponent("assets/handbook.css"), atomically: true, encoding: .utf8)
        }
        #expect(custom["assets/handbook.css"] == css)
        // The 404 page inlines the stylesheet: the override's.
        #expect(custom["404.html"]?.contains("--accent: #c0ffee") == true)
        #expect(custom.keys.sorted() == builtIn.keys.sorted())
        for (path, text) in builtIn where path != "assets/handbook.css" && path != "404.html" {
            #expect(custom[path] == text, "\(path) differs")
        }
    }

    @Test func oneOverriddenPartialIsUsedOnEveryPage() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let custom = try pages(fixture, theme: "mine") { folder in
            let partials = folder.appendingPathComponent("templates/partials")
            try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
            try "<footer class=\"ours\">{{site_title}} by us</footer>\n"
                .write(to: partials.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        }
        let tip = try #require(custom["tips/001-one.html"])
        #expect(tip.contains("<footer class=\"ours\">Test Handbook by us</footer>"))
        // The rest is the built-in tip template.
        #expect(tip.contains("Some advice."))
        #expect(custom["index.html"]?.contains("class=\"ours\"") == true)
    }

    @Test func anErrorInAnOverrideNamesTheOverrideFile() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        #expect(throws: BuildFailure.self) {
            _ = try pages(fixture, theme: "mine") { folder in
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
                try "{{#tips}}\n".write(to: folder.appendingPathComponent("templates/tips.mustache"), atomically: true, encoding: .utf8)
            }
        }
        var options = fixture.options
        options.theme = UserPath(url: fixture.directory.file("mine"), shown: "mine")
        do {
            _ = try SiteBuilder.prepare(options)
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map { $0.location?.file } == ["mine/templates/tips.mustache"])
        }
    }

    @Test func aNamedThemeFolderMustExist() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let options = BuildOptions(content: fixture.content.path, theme: fixture.directory.file("nowhere").path,
                                   output: fixture.directory.file("site").path)
        #expect(throws: BuildFailure.self) { try SiteBuilder.prepare(options) }
    }

    @Test func theDefaultThemeFolderIsBesideTheContent() {
        #expect(BuildOptions(content: "content").theme.shown == "themes/default")
        #expect(BuildOptions(content: "hb/content").theme.shown == "hb/themes/default")
        #expect(BuildOptions(content: "/srv/hb/content/").theme.shown == "/srv/hb/themes/default")
        // Run from inside the content folder, or above it.
        #expect(BuildOptions(content: ".").theme.shown == "../themes/default")
        #expect(BuildOptions(content: "./").theme.shown == "../themes/default")
        #expect(BuildOptions(content: "..").theme.shown == "../../themes/default")
        #expect(BuildOptions(content: "hb/content/.").theme.shown == "hb/content/./../themes/default")
        #expect(!BuildOptions(content: "content").themeNamed)
        #expect(BuildOptions(content: "content", theme: "mine").themeNamed)
    }

    @Test func themeCopyWritesTheBuiltInThemeAndNeverOverwrites() throws {
        let directory = TemporaryDirectory()
        let target = UserPath(url: directory.file("copy"), shown: "copy")
        let written = try ThemeCopier.copyBuiltIn(to: target)
        #expect(written.count == ThemeFiles.builtInPaths.count)
        for path in ThemeFiles.builtInPaths {
            let bytes = try [UInt8](Data(contentsOf: directory.file("copy/" + path)))
            #expect(bytes == ThemeFiles.builtIn(path))
        }
        // A second copy changes nothing: the user's edit stays.
        try "edited".write(to: directory.file("copy/assets/handbook.css"), atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try ThemeCopier.copyBuiltIn(to: target) }
        #expect(directory.read("copy/assets/handbook.css") == "edited")
    }
}
