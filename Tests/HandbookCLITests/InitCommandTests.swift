//! `handbook init`: a new handbook, outside this repository, that builds and checks clean with
//! the theme built into the program.

import Foundation
import Testing

@Suite struct InitCommandTests {
    static func emptyFolder() throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("handbook-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["en", "nl"]) func theSampleBuildsAndChecksCleanWithTheBuiltInTheme(language: String) throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try CLITests.run(["init", "hb", "--language", language], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let handbook = folder.appendingPathComponent("hb")
        for file in ["content/handbook.yml", "README.md", ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: handbook.appendingPathComponent("themes").path))
        let check = try CLITests.run(["check", "--strict"], in: handbook)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr == "")
        #expect(check.stdout.hasPrefix("No errors, 0 warnings: 5 tips, 2 chapters, 4 themes."))
        let build = try CLITests.run(["build"], in: handbook)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr == "")

        // Every feature of a tip shows on the site: themes, related tips, the flywheel step, tip: links, "Try this".
        let site = handbook.appendingPathComponent("site")
        let tips = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("tips").path)
            .filter { $0.hasSuffix(".html") }.sorted()
        #expect(tips.count == 5)
        let first = try String(contentsOf: site.appendingPathComponent("tips/" + tips[0]), encoding: .utf8)
        #expect(first.contains("href=\"" + tips[1] + "\"") || first.contains("href=\"../tips/" + tips[1] + "\""),
                "the tip:2 link and the related tips lead to tip 2")
        #expect(first.contains("themes/empathy.html"))
        #expect(first.contains("class=\"try-this"))
        let second = try String(contentsOf: site.appendingPathComponent("tips/" + tips[1]), encoding: .utf8)
        #expect(second.contains("flywheel"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/handbook.css").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("404.html").path))
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(language == "nl" ? "Ons klantenhandboek" : "Our Customer Handbook"))
        #expect(home.contains("lang=\"\(language)\""))
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "mine\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try CLITests.run(["init"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not empty; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func refusesALanguageWithoutASample() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["init", "--language", "fr"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no sample handbook in 'fr'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A theme folder beside the content with only a stylesheet changes the colours and keeps the templates.
    @Test func aStylesheetBesideTheContentReplacesOnlyTheStylesheet() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLITests.run(["init"], in: folder).status == 0)
        #expect(try CLITests.run(["build", "--output", "plain"], in: folder).status == 0)
        let assets = folder.appendingPathComponent("themes/default/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try ":root { --accent: #0b6e4f; }\n".write(to: assets.appendingPathComponent("handbook.css"), atomically: true, encoding: .utf8)
        let build = try CLITests.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("site/assets/handbook.css"), encoding: .utf8)
                == ":root { --accent: #0b6e4f; }\n")
        let plain = try String(contentsOf: folder.appendingPathComponent("plain/index.html"), encoding: .utf8)
        let themed = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(plain == themed)
    }

    @Test func themeCopyWritesTheBuiltInThemeOnce() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try CLITests.run(["theme", "copy"], in: folder)
        #expect(copy.status == 0, "\(copy.stderr)")
        let written = folder.appendingPathComponent("themes/default")
        for file in ["templates/layout.mustache", "assets/handbook.css", "strings/nl.yml", "booklet/booklet.mustache"] {
            #expect(try Data(contentsOf: written.appendingPathComponent(file))
                    == Data(contentsOf: CLITests.packageRoot.appendingPathComponent("themes/default/" + file)))
        }
        let again = try CLITests.run(["theme", "copy"], in: folder)
        #expect(again.status != 0)
        #expect(again.stderr.contains("exists already; nothing was written"))
    }
}
