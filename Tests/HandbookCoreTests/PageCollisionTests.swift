//! Two content files whose names give the same page: an error naming both, never one page
//! silently chosen from the two (issue 23, fault 1).

import Foundation
import Testing
@testable import HandbookCore

@Suite struct PageCollisionTests {
    @Test func tipsInTwoFoldersWithTheSameName() {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/a/500-same.md": ContentFixture.tip(500, related: "[1]"),
            "tips/b/500-same.md": ContentFixture.tip(501, related: "[1]"),
        ]))
        #expect(fixture.problems() == [
            "content/tips/b/500-same.md: error: this tip's page would be named '500-same', as content/tips/a/500-same.md's is\n    hint: rename one of the two files: a page's name comes from its file's name, in lowercase, with hyphens for spaces and other signs",
        ])
    }

    @Test func namesThatDifferOnlyInCaseOrPunctuation() {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/950-a b.md": ContentFixture.tip(950, related: "[1]"),
            "tips/950-a-b.md": ContentFixture.tip(951, related: "[1]"),
            "tips/950-A_B.md": ContentFixture.tip(952, related: "[1]"),
            "tips/x.md": ContentFixture.tip(960, related: "[1]"),
            "tips/X.MD": ContentFixture.tip(961, related: "[1]"),
        ]))
        let problems = fixture.problems()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.hasPrefix("content/tips/950-a b.md: error: this tip's page would be named '950-a-b', as content/tips/950-A_B.md's is") })
        #expect(problems.contains { $0.hasPrefix("content/tips/950-a-b.md: error: this tip's page would be named '950-a-b', as content/tips/950-A_B.md's is") })
        #expect(problems.contains { $0.hasPrefix("content/tips/x.md: error: this tip's page would be named 'x', as content/tips/X.MD's is") })
    }

    @Test func chaptersWithTheSameName() {
        let fixture = ContentFixture(ContentFixture.standard([
            "chapters/extra/01-first.md": ContentFixture.chapter(3, title: "Third"),
        ]))
        #expect(fixture.problems() == [
            "content/chapters/extra/01-first.md: error: this chapter's page would be named '01-first', as content/chapters/01-first.md's is\n    hint: rename one of the two files: a page's name comes from its file's name, in lowercase, with hyphens for spaces and other signs",
        ])
    }
}
