//! "Last changed": git's date of a file's last commit in a checkout, the file's time elsewhere.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FileDatesTests {
    @Test func outsideGitTheFileTimeDatesTheTip() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let file = fixture.content.appendingPathComponent("tips/001-one.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: file)
        let pages = try fixture.pages()
        let tip = try #require(pages["tips/001-one.html"])
        #expect(tip.contains("<time datetime=\"2023-11-14\">14 November 2023</time>"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func inACheckoutGitsDateWins() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        let folder = fixture.content.path
        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", folder] + arguments
            process.environment = ["GIT_AUTHOR_DATE": "2024-03-05T12:00:00Z", "GIT_COMMITTER_DATE": "2024-03-05T12:00:00Z",
                                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": folder]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "content"])
        // A checkout's file times say nothing: the commit's date is the tip's.
        let dates = FileDates.collect(content: UserPath(folder), useGit: true)
        let seconds = try #require(dates.seconds(ofShownFile: folder + "/tips/002-two.md"))
        #expect(seconds == 1_709_640_000)
        #expect(FileDates.collect(content: UserPath(folder), useGit: false).seconds(ofShownFile: folder + "/tips/002-two.md") != seconds)
    }
}
