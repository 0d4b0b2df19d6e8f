//! The file system as a hostile contributor leaves it: symlinks, FIFOs and devices in content/,
//! an output folder that is a link or sits inside the theme, a full disk, a booklet folder that
//! leads elsewhere, and `new tip` run many times at once (issue 23). Nothing the user wrote is
//! lost, nothing outside the content and theme is read, and every case ends in a clear error.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct HostileFileSystemTests {
    private let manager = FileManager.default

    /// Runs `work` on its own thread; nil when it has not returned after `seconds` (a hang, which
    /// fails the test instead of stopping the suite). `unblock` is then run to free the thread.
    private func finishes<T: Sendable>(within seconds: Int, unblock: () -> Void = {}, _ work: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Thread { box.value = work(); done.signal() }.start()
        if done.wait(timeout: .now() + .seconds(seconds)) == .timedOut {
            unblock()
            done.wait()
            return nil
        }
        return box.value
    }

    private final class ResultBox<T>: @unchecked Sendable { var value: T? }

    private func buildProblems(_ options: BuildOptions) -> [String] {
        do {
            _ = try SiteBuilder.build(options)
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    // MARK: - Fault 2: an output folder that is a symlink

    @Test func outputThatIsASymlinkIsBuiltInItsTarget() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        var options = fixture.options
        options.output = UserPath(url: fixture.directory.file("www/handbook"), shown: "www/handbook")
        try SiteBuilder.build(options)
        fixture.directory.write("old page", to: "www/handbook/tips/stale.html")
        let link = fixture.directory.file("sitelink")
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "www/handbook")
        options.output = UserPath(url: link, shown: "sitelink")
        try SiteBuilder.build(options)
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == "www/handbook")
        #expect(fixture.directory.read("www/handbook/index.html")?.contains("Test Handbook") == true)
        #expect(fixture.directory.read("www/handbook/tips/stale.html") == nil)
        #expect(manager.fileExists(atPath: fixture.directory.file("www/handbook/.handbook-site").path))
        let leftovers = (try manager.contentsOfDirectory(atPath: fixture.directory.path) + manager.contentsOfDirectory(atPath: fixture.directory.file("www").path))
            .filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func outputSymlinkToAFolderHandbookDidNotMakeIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write("my page", to: "www/handbook/index.html")
        let link = fixture.directory.file("sitelink")
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "www/handbook")
        var options = fixture.options
        options.output = UserPath(url: link, shown: "sitelink")
        #expect(buildProblems(options).first?.contains("it is not empty and was not built by Handbook") == true)
        #expect(fixture.directory.read("www/handbook/index.html") == "my page")
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == "www/handbook")
    }

    // MARK: - Fault 3: FIFOs and devices in content/

    @Test func aFIFOInContentIsAnErrorNotAHang() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let fifo = fixture.directory.file("content/tips/999-x.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let options = fixture.options
        let result = finishes(within: 30, unblock: {
            // A reader blocked in open() is let go by a writer that opens and closes at once.
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }) { ContentFixture.problems(options) }
        #expect(result == ["content/tips/999-x.md: error: this is a named pipe (FIFO), not a file; only regular files are read\n    hint: remove it from the content folder, or replace it with a Markdown file"])
    }

    @Test func aCharacterDeviceInContentIsAnErrorAndNeverRead() throws {
        // Only root may make a device node.
        guard getuid() == 0 else { return }
        let fixture = ContentFixture(ContentFixture.standard())
        let device = fixture.directory.file("content/tips/998-zero.md").path
        // Major 1, minor 5: /dev/zero, which a reader never comes to the end of.
        #expect(mknod(device, S_IFCHR | 0o644, dev_t((1 << 8) | 5)) == 0)
        let options = fixture.options
        let result = finishes(within: 60) { ContentFixture.problems(options) }
        #expect(result == ["content/tips/998-zero.md: error: this is a device, not a file; only regular files are read\n    hint: remove it from the content folder, or replace it with a Markdown file"])
    }

    // MARK: - Fault 4: language is a tag, never a path

    @Test func aLanguageThatIsAPathIsRefusedWithTheThemesLanguages() throws {
        let fixture = ContentFixture(["handbook.yml": ContentFixture.config + "language: \"../../../../tmp/x/fake\"\n"]
            .merging(ContentFixture.standard().filter { $0.key != "handbook.yml" }) { a, _ in a })
        #expect(fixture.problems() == [
            "content/handbook.yml:17:11: error: 'language' must be a language tag such as 'en', 'nl' or 'nl-BE', found '../../../../tmp/x/fake'\n    hint: the theme has strings for en, nl",
        ])
    }

    // MARK: - Fault 5: symlinks that lead outside the content folder

    @Test func aTipsFolderThatLinksOutsideIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard().filter { !$0.key.hasPrefix("tips/") })
        fixture.directory.write(ContentFixture.tip(1, related: "[]"), to: "outside/001-secret.md")
        try manager.createSymbolicLink(atPath: fixture.directory.file("content/tips").path,
                                       withDestinationPath: fixture.directory.file("outside").path)
        // (With no tip read, every theme is also warned about as having none.)
        let problems = fixture.problems().filter { $0.contains(": error: ") }
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/tips: error: symlink points outside the content folder, to '") == true)
    }

    @Test func aConfigThatLinksOutsideIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard().filter { $0.key != "handbook.yml" })
        fixture.directory.write(ContentFixture.config, to: "outside.yml")
        try manager.createSymbolicLink(atPath: fixture.directory.file("content/handbook.yml").path,
                                       withDestinationPath: fixture.directory.file("outside.yml").path)
        let problems = fixture.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/handbook.yml: error: symlink points outside the content folder, to '") == true)
    }

    @Test func aTranslationFolderThatLinksOutsideIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write("title: Elders\nlanguage: nl\n", to: "outside/handbook.yml")
        try manager.createSymbolicLink(atPath: fixture.directory.file("content/nl").path,
                                       withDestinationPath: fixture.directory.file("outside").path)
        let problems = fixture.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/nl: error: symlink points outside the content folder, to '") == true)
    }

    // MARK: - Fault 8: an output folder inside the theme, or around it

    @Test func outputInsideTheThemeOrAroundItIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let theme = fixture.directory.file("theme")
        try manager.copyItem(at: packageRoot.appendingPathComponent("themes/default"), to: theme)
        var options = fixture.options
        options.theme = UserPath(url: theme, shown: "theme")
        options.output = UserPath(url: theme.appendingPathComponent("site"), shown: "theme/site")
        #expect(buildProblems(options) == ["error: the output folder 'theme/site' is inside the theme folder\n    hint: pass --output with a folder outside 'theme', e.g. site"])
        #expect(!manager.fileExists(atPath: theme.appendingPathComponent("site").path))

        options.theme = UserPath(url: fixture.directory.file("site/theme"), shown: "site/theme")
        try manager.createDirectory(at: fixture.directory.file("site"), withIntermediateDirectories: true)
        try manager.moveItem(at: theme, to: fixture.directory.file("site/theme"))
        options.output = UserPath(url: fixture.directory.file("site"), shown: "site")
        #expect(buildProblems(options) == ["error: the output folder 'site' contains the theme folder\n    hint: pass --output with a folder beside 'site/theme', e.g. site"])
        #expect(manager.fileExists(atPath: fixture.directory.file("site/theme/templates").path))
    }

    // MARK: - Fault 9: a full disk

    @Test func aFullDiskSaysSoWithThePathAndLeavesNoStagingFolder() throws {
        // Only root may mount a small file system to fill.
        guard getuid() == 0 else { return }
        let fixture = ContentFixture(ContentFixture.standard())
        let disk = fixture.directory.file("disk")
        try manager.createDirectory(at: disk, withIntermediateDirectories: true)
        guard mount("tmpfs", disk.path, "tmpfs", 0, "size=24k") == 0 else { return }
        defer { umount(disk.path) }
        var options = fixture.options
        options.output = UserPath(url: disk.appendingPathComponent("site"), shown: "disk/site")
        let problems = buildProblems(options)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("error: cannot write 'disk/site/") == true)
        #expect(problems.first?.contains("No space left on device") == true)
        #expect(try manager.contentsOfDirectory(atPath: disk.path) == [])
    }

    // MARK: - Fault 13: `new tip` run ten times at once

    @Test func tenNewTipsAtOnceTakeTenNumbers() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let content = UserPath(url: fixture.content, shown: "content")
        DispatchQueue.concurrentPerform(iterations: 10) { index in
            _ = try? TipScaffolder.create(title: "Parallel \(index)", chapter: 1, themes: ["empathy"], content: content)
        }
        let (handbook, problems) = fixture.validate(drafts: true)
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        #expect(handbook?.tips.map(\.number) == Array(1...13))
    }

    @Test func aVeryLongTitleMakesAShortFileName() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let made = try TipScaffolder.create(title: String(repeating: "long ", count: 1000), chapter: 1, themes: ["empathy"],
                                            content: UserPath(url: fixture.content, shown: "content"))
        #expect(made.utf8.count < 120)
        #expect(fixture.validate(drafts: true).0?.tip(number: 4)?.title == String(repeating: "long ", count: 1000).trimmingWhitespace())
    }

    // MARK: - Fault 14: booklet never writes through a symlink

    @Test func bookletRefusesABookletFolderThatIsASymlink() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        try SiteBuilder.build(fixture.options)
        try manager.removeItem(at: fixture.directory.file("site/booklet"))
        fixture.directory.write("precious", to: "elsewhere/index.html")
        try manager.createSymbolicLink(atPath: fixture.directory.file("site/booklet").path,
                                       withDestinationPath: fixture.directory.file("elsewhere").path)
        do {
            let output = try BookletOutput(site: UserPath(url: fixture.directory.file("site"), shown: "site"))
            try output.writeHTML("<p>booklet</p>")
            Issue.record("expected the booklet to be refused")
        } catch let failure as BuildFailure {
            #expect(failure.description == "error: refusing to write into 'site/booklet': it is a symlink\n    hint: remove the link; Handbook writes the booklet only into a folder of the site it built")
        }
        #expect(fixture.directory.read("elsewhere/index.html") == "precious")
    }
}

extension ContentFixture {
    /// `problems()` for a fixture's options, for a closure that cannot hold the fixture.
    static func problems(_ options: BuildOptions) -> [String] {
        do {
            return try SiteBuilder.prepare(options).diagnostics.map(\.description)
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }
}

extension HostileFileSystemTests {
    // MARK: - Fault 11: one file's size

    @Test func aFileOverTheSizeLimitIsAnErrorAndNotRead() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let path = fixture.directory.file("content/tips/004-huge.md").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        // A sparse file: the limit is decided on the size alone, before anything is read.
        #expect(truncate(path, off_t((64 << 20) + 1)) == 0)
        let files = ContentLoader.load(root: UserPath(url: fixture.content, shown: "content"))
        #expect(files.diagnostics.map(\.description) == [
            "content/tips/004-huge.md:1:1: error: file is 65 MB, more than the 64 MB a content file may have\n    hint: split it into several tips, or move large material out of the handbook",
        ])
        #expect(files.tips.count == 3)
    }
}
