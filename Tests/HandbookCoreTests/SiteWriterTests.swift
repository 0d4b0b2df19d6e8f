//! The output folder: built in a staging folder, swapped in whole, and never a user's folder.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct SiteWriterTests {
    @Test func aFailedBuildLeavesThePreviousSiteIntact() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let first = try SiteBuilder.build(fixture.options)
        #expect(first.pages > 0)
        let before = try #require(fixture.directory.read("site/tips/001-one.html"))

        fixture.directory.write(ContentFixture.tip(1, title: "Changed", themes: "[nope]", related: "[2]"), to: "content/tips/001-one.md")
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(fixture.options) }
        #expect(fixture.directory.read("site/tips/001-one.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers == [])
    }

    @Test func aSuccessfulBuildReplacesTheWholeSite() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        try SiteBuilder.build(fixture.options)
        fixture.directory.write("stale", to: "site/tips/old-page.html")
        fixture.directory.write(ContentFixture.tip(1, title: "Renamed", related: "[2]"), to: "content/tips/001-one.md")
        try SiteBuilder.build(fixture.options)
        #expect(fixture.directory.read("site/tips/old-page.html") == nil)
        #expect(fixture.directory.read("site/tips/001-one.html")?.contains("Renamed") == true)
        #expect(FileManager.default.fileExists(atPath: fixture.directory.file("site/.handbook-site").path))
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write("my thesis", to: "site/thesis.txt")
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(fixture.options) }
        #expect(fixture.directory.read("site/thesis.txt") == "my thesis")
    }

    @Test func anEmptyFolderIsFine() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        try FileManager.default.createDirectory(at: fixture.directory.file("site"), withIntermediateDirectories: true)
        try SiteBuilder.build(fixture.options)
        #expect(fixture.directory.read("site/index.html") != nil)
    }

    @Test func outputThatIsAFileOrInsideTheContentIsRefused() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        fixture.directory.write("x", to: "site")
        do {
            try SiteBuilder.build(fixture.options)
            Issue.record("expected failure")
        } catch let failure as BuildFailure {
            #expect(failure.description.contains("is a file, not a folder"))
        }
        #expect(fixture.directory.read("site") == "x")

        var inside = fixture.options
        inside.output = UserPath(url: fixture.directory.file("content/site"), shown: "content/site")
        do {
            try SiteBuilder.build(inside)
            Issue.record("expected failure")
        } catch let failure as BuildFailure {
            #expect(failure.description == "error: the output folder 'content/site' is inside the content folder\n    hint: pass --output with a folder outside 'content', e.g. site")
        }
    }
}
