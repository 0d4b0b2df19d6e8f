// In a large handbook, a one-tip rebuild leaves the pages that list every tip (all tips, the
// themes) to be rendered after the reload; until then they are made on request, never served old.

import Foundation
@testable import HandbookCore
import NIOCore
import Testing
@testable import HandbookPreview

struct DeferredPagesTests {
    @Test func listPagesComeAfterTheReloadAndEqualAFullBuild() async throws {
        try await offPool { try Self.checkListPages() }
    }

    static func checkListPages() throws {
        let handbook = try TemporaryHandbook(generatedTips: 60)
        let builder = PreviewBuilder(options: handbook.buildOptions())
        builder.deferListPagesFrom = 0
        guard case .built(let first) = builder.rebuild() else {
            Issue.record("the first build failed")
            return
        }
        #expect(first.deferred == nil, "a full build renders every page before the reload")

        let file = handbook.generatedTipFile(5)
        try handbook.replace("title: Tip number 5\n", with: "title: Tip five\n", in: file)
        guard case .built(let retitled) = builder.rebuild(changed: [file.standardizedFileURL.path]) else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(retitled.fromChanges)
        let later = retitled.deferred?.paths ?? []
        #expect(later.contains(SitePaths.allTips) && later.contains(SitePaths.theme("empathy")), "\(later)")
        #expect(later.allSatisfy { retitled.files[$0] == nil && retitled.changedPages.contains($0) })
        let full = try handbook.fullBuild()
        let site = PreviewSite(files: retitled.files, generated: retitled.generated, generation: 1, problems: [])
        for path in later {
            #expect(try site.file(path).map { Data($0.readableBytesView) } == full[path], "\(path)")
        }

        // The next rebuild takes them in among the pages it keeps.
        try handbook.edit(handbook.generatedTipFile(30)) { $0 + "\nOne more paragraph.\n" }
        guard case .built(let next) = builder.rebuild(changed: [handbook.generatedTipFile(30).standardizedFileURL.path]) else {
            Issue.record("the second rebuild failed")
            return
        }
        #expect(next.deferred == nil)
        let after = try handbook.fullBuild()
        for path in later {
            #expect(next.files[path].map { Data($0.readableBytesView) } == after[path], "\(path)")
        }
    }
}
