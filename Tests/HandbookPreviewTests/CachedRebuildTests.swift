// The preview keeps files by stamp, decoded models by text and rendered bodies by text and link
// targets. Each step here changes something one of those keys on, in a generated handbook whose
// bodies link to one another in every way; the incremental result must still be, byte for byte,
// what `handbook build` writes, and unchanged files must not be read, decoded or rendered again.

import Foundation
@testable import HandbookCore
import NIOCore
import Testing
@testable import HandbookPreview

struct CachedRebuildTests {
    static let tipCount = 200

    struct Step: Sendable {
        var name: String
        /// A change that must fail the build, made (and built) before `change` mends it.
        var breaking: (@Sendable (TemporaryHandbook) throws -> String)?
        var change: @Sendable (TemporaryHandbook) throws -> Void
        /// Checks on what the rebuild did itself.
        var expect: (@Sendable (ContentCache.Counts, PreviewBuilder.Result) -> Void)?
        /// Told which files changed, the rebuild starts from the previous build (and looks at no
        /// other file) rather than falling back to looking at every file.
        var fromChanges: Bool

        init(_ name: String, fromChanges: Bool = false, breaking: (@Sendable (TemporaryHandbook) throws -> String)? = nil,
             change: @escaping @Sendable (TemporaryHandbook) throws -> Void,
             expect: (@Sendable (ContentCache.Counts, PreviewBuilder.Result) -> Void)? = nil) {
            self.name = name
            self.fromChanges = fromChanges
            self.breaking = breaking
            self.change = change
            self.expect = expect
        }
    }

    static let addedTip = """
        ---
        number: 201
        title: A tip added while the preview runs
        chapter: 2
        themes: [empathy]
        related: [1, 2]
        ---
        It links to [](tip:5), [](chapter:2) and [the file of tip 4](004-tip-number-4.md).

        """

    static let steps: [Step] = [
        Step("body edit", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(10)) { $0 + "\nOne more paragraph.\n" }
        }, expect: { counts, result in
            #expect(counts == .init(filesRead: 1, filesDecoded: 1, bodiesRendered: 1))
            #expect(result.renderedPages == 1)
        }),
        Step("touched without a change", fromChanges: true, change: { handbook in
            try handbook.touch(handbook.generatedTipFile(20))
        }, expect: { counts, result in
            // Read again (as is the file edited just before, whose stamp has not settled yet), but
            // its bytes are the same, so nothing is decoded or rendered.
            #expect(counts.filesRead >= 1 && counts.filesRead <= 2)
            #expect(counts.filesDecoded == 0 && counts.bodiesRendered == 0)
            #expect(result.renderedPages == 0)
            #expect(result.changedPages == [BookletBuilder.htmlPath])
        }),
        Step("rewritten in place, same size, old modification time", fromChanges: true, change: { handbook in
            let file = handbook.generatedTipFile(21)
            var info = stat()
            stat(file.path, &info)
            try handbook.overwrite(file, try handbook.read(file).replacingOccurrences(of: "customer", with: "CUSTOMER"))
            let old = timeval(tv_sec: info.st_mtim.tv_sec, tv_usec: info.st_mtim.tv_nsec / 1000)
            utimes(file.path, [old, old])
        }, expect: { counts, result in
            #expect(counts.bodiesRendered == 1)
            #expect(result.renderedPages == 1)
        }),
        Step("title of a tip that several bodies link to", fromChanges: true, change: { handbook in
            try handbook.replace("title: Tip number 5\n", with: "title: Renamed tip five\n", in: handbook.generatedTipFile(5))
        }, expect: { counts, _ in
            // The bodies that link to it (tips 2, 8 and 9); its own body is the same.
            #expect(counts.bodiesRendered == 3)
            #expect(counts.filesDecoded == 1)
        }),
        Step("renamed file (new slug) of a tip others link to with tip:", change: { handbook in
            let file = handbook.generatedTipFile(7)
            try FileManager.default.moveItem(at: file, to: file.deletingLastPathComponent().appendingPathComponent("007-renamed.md"))
        }),
        Step("a linked file renamed: an error, then the link mended", breaking: { handbook in
            let file = handbook.generatedTipFile(9)
            try FileManager.default.moveItem(at: file, to: file.deletingLastPathComponent().appendingPathComponent("009-moved.md"))
            return "007-renamed.md"
        }, change: { handbook in
            let file = handbook.content.appendingPathComponent("tips/007-renamed.md")
            try handbook.replace("(009-tip-number-9.md)", with: "(009-moved.md)", in: file)
        }),
        Step("a tip:-linked tip deleted: an error, then put back", breaking: { handbook in
            let file = handbook.generatedTipFile(30)
            try handbook.save(handbook.root.appendingPathComponent("tip-30.md"), try handbook.read(file))
            try FileManager.default.removeItem(at: file)
            return GeneratedContent.tipFileName(29) // relates to it
        }, change: { handbook in
            try FileManager.default.moveItem(at: handbook.root.appendingPathComponent("tip-30.md"), to: handbook.generatedTipFile(30))
        }),
        Step("new tip", change: { handbook in
            try handbook.save(handbook.content.appendingPathComponent("tips/201-added.md"), addedTip)
        }),
        Step("renumbered tip", change: { handbook in
            try handbook.replace("number: 201", with: "number: 202", in: handbook.content.appendingPathComponent("tips/201-added.md"))
        }),
        Step("deleted tip", change: { handbook in
            try FileManager.default.removeItem(at: handbook.content.appendingPathComponent("tips/201-added.md"))
        }),
        Step("two tips swap files", change: { handbook in
            let (a, b) = (handbook.generatedTipFile(40), handbook.generatedTipFile(41))
            let (textA, textB) = (try handbook.read(a), try handbook.read(b))
            try handbook.save(a, textB)
            try handbook.save(b, textA)
        }),
        Step("chapter title", change: { handbook in
            let file = handbook.content.appendingPathComponent("chapters/" + GeneratedContent.chapterFileName(2))
            try handbook.replace("title: Chapter number 2\n", with: "title: The second chapter\n", in: file)
        }),
        Step("chapter file renamed (new slug)", change: { handbook in
            let file = handbook.content.appendingPathComponent("chapters/" + GeneratedContent.chapterFileName(3))
            try FileManager.default.moveItem(at: file, to: file.deletingLastPathComponent().appendingPathComponent("03-third.md"))
        }),
        Step("theme title", change: { handbook in
            try handbook.replace("title: Leadership\n", with: "title: Leading\n", in: handbook.content.appendingPathComponent("handbook.yml"))
        }),
        Step("raw HTML let in", change: { handbook in
            try handbook.edit(handbook.content.appendingPathComponent("handbook.yml")) { $0 + "unsafe_html: true\n" }
        }),
        Step("a body back to its earlier text", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(10)) { $0.replacingOccurrences(of: "\nOne more paragraph.\n", with: "") }
        }),
        Step("front matter one line longer, body the same", fromChanges: true, change: { handbook in
            try handbook.replace("\nsummary: ", with: "\ndraft: false\nsummary: ", in: handbook.generatedTipFile(12))
        }),
    ] + changesOfTips

    /// Edits of tips' files that a rebuild told of them can make from the previous build, and
    /// some that it must leave to a full one.
    static let changesOfTips: [Step] = [
        Step("summary", fromChanges: true, change: { handbook in
            try handbook.replace("summary: The summary of tip 50.", with: "summary: A new summary.", in: handbook.generatedTipFile(50))
        }),
        Step("two tips at once, one retitled", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(60)) { $0 + "\nAnother paragraph.\n" }
            try handbook.replace("title: Tip number 64\n", with: "title: Tip sixty-four\n", in: handbook.generatedTipFile(64))
        }),
        Step("a link to another tip added, then one removed", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(70)) { $0 + "\nAlso see [](tip:150) and [tip 3](tip:3).\n" }
            try handbook.edit(handbook.generatedTipFile(71)) { $0.replacingOccurrences(of: "points to [](tip:36).", with: "points nowhere.") }
        }),
        Step("related lists a tip twice and none of the themes twice: warnings", fromChanges: true, change: { handbook in
            try handbook.replace("related: [81, 87]", with: "related: [81, 87, 81]", in: handbook.generatedTipFile(80))
            try handbook.replace("themes: [empathy, leadership]", with: "themes: [empathy, leadership, empathy]", in: handbook.generatedTipFile(81))
        }, expect: { _, result in
            #expect(result.warnings.count == 2, "\(result.warnings)")
        }),
        Step("a javascript: link: a Markdown warning", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(82)) { $0 + "\nDo not [click](javascript:alert(1)).\n" }
        }, expect: { _, result in
            #expect(result.warnings.count == 3, "\(result.warnings)")
        }),
        Step("the warnings mended", fromChanges: true, change: { handbook in
            try handbook.replace("related: [81, 87, 81]", with: "related: [81, 87]", in: handbook.generatedTipFile(80))
            try handbook.replace("themes: [empathy, leadership, empathy]", with: "themes: [empathy]", in: handbook.generatedTipFile(81))
            try handbook.edit(handbook.generatedTipFile(82)) { $0.replacingOccurrences(of: "\nDo not [click](javascript:alert(1)).\n", with: "") }
        }, expect: { _, result in
            #expect(result.warnings.isEmpty, "\(result.warnings)")
        }),
        Step("related and flywheel step changed", fromChanges: true, change: { handbook in
            try handbook.replace("related: [91, 97]", with: "related: [97, 12, 13]", in: handbook.generatedTipFile(90))
            try handbook.replace("flywheel_step: 4", with: "flywheel_step: 2", in: handbook.generatedTipFile(90))
        }),
        Step("a tip moved to another chapter", fromChanges: true, change: { handbook in
            try handbook.replace("chapter: 10\n", with: "chapter: 3\n", in: handbook.generatedTipFile(95))
        }),
        Step("a tip without a flywheel step gets one", fromChanges: true, change: { handbook in
            try handbook.replace("summary: The summary of tip 97.", with: "summary: The summary of tip 97.\nflywheel_step: 5",
                                 in: handbook.generatedTipFile(97))
        }),
        Step("title of a tip a chapter links to (left to a full build)", change: { handbook in
            try handbook.replace("title: Tip number 11\n", with: "title: Tip eleven\n", in: handbook.generatedTipFile(11))
        }),
        Step("related names a missing tip: an error, then mended", breaking: { handbook in
            try handbook.replace("related: [101, 107]", with: "related: [101, 999]", in: handbook.generatedTipFile(100))
            return GeneratedContent.tipFileName(100)
        }, change: { handbook in
            try handbook.replace("related: [101, 999]", with: "related: [101, 107]", in: handbook.generatedTipFile(100))
        }),
        Step("an unknown theme: an error, then mended", breaking: { handbook in
            try handbook.replace("themes: [empathy, never-normal]", with: "themes: [empathy, never normal]", in: handbook.generatedTipFile(103))
            return GeneratedContent.tipFileName(103)
        }, change: { handbook in
            try handbook.replace("themes: [empathy, never normal]", with: "themes: [empathy, never-normal]", in: handbook.generatedTipFile(103))
        }),
        Step("a body edit after errors", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(105)) { $0 + "\nOne more paragraph.\n" }
        }),
        Step("a related tip made a draft: an error where it is related, then published", breaking: { handbook in
            try handbook.replace("\nsummary: ", with: "\ndraft: true\nsummary: ", in: handbook.generatedTipFile(104))
            return GeneratedContent.tipFileName(103)
        }, change: { handbook in
            try handbook.replace("\ndraft: true\nsummary: ", with: "\nsummary: ", in: handbook.generatedTipFile(104))
        }),
        Step("a related tip renumbered in place: an error where it is related, then put back", breaking: { handbook in
            try handbook.replace("number: 110\n", with: "number: 210\n", in: handbook.generatedTipFile(110))
            return GeneratedContent.tipFileName(109)
        }, change: { handbook in
            try handbook.replace("number: 210\n", with: "number: 110\n", in: handbook.generatedTipFile(110))
        }),
        Step("a retitled tip's body edited", fromChanges: true, change: { handbook in
            try handbook.edit(handbook.generatedTipFile(64)) { $0 + "\nA last paragraph.\n" }
        }),
    ]

    // The builds block a thread for seconds: off the concurrency pool, which the server tests need.
    @Test func everyCachedRebuildEqualsAFullBuild() async throws {
        try await offPool { try Self.checkEveryStep(namingChanges: false) }
    }

    /// The same steps, each rebuild told which files changed, as the inotify watcher tells it.
    @Test func everyRebuildFromNamedChangesEqualsAFullBuild() async throws {
        try await offPool { try Self.checkEveryStep(namingChanges: true) }
    }

    static func checkEveryStep(namingChanges: Bool) throws {
        let handbook = try TemporaryHandbook(generatedTips: tipCount)
        // Files are trusted by their stamps once these have settled (`FileStamp.settlingNanoseconds`).
        Thread.sleep(forTimeInterval: Double(FileStamp.settlingNanoseconds) / 1e9 + 0.1)
        let builder = PreviewBuilder(options: handbook.buildOptions())
        // Told of changes (as with inotify), list pages are rendered after the reload, as in a large handbook.
        if namingChanges { builder.deferListPagesFrom = 0 }
        guard case .built(let first) = builder.rebuild() else {
            Issue.record("the first build of the generated handbook failed")
            return
        }
        #expect(first.full)
        #expect(first.warnings.isEmpty, "\(first.warnings.prefix(3))")
        guard case .built(let unchanged) = builder.rebuild() else { return }
        #expect(unchanged.renderedPages == 0)
        #expect(builder.lastCounts == .init(filesRead: 0, filesDecoded: 0, bodiesRendered: 0))
        var stamps = ContentStamps(of: handbook.content)
        /// Rebuilds, told of the files changed since the last rebuild when `namingChanges`.
        func rebuild() -> PreviewBuilder.Outcome {
            let now = ContentStamps(of: handbook.content)
            defer { stamps = now }
            return builder.rebuild(changed: namingChanges ? now.changed(since: stamps) : nil)
        }
        for step in steps {
            if let breaking = step.breaking {
                let file = try breaking(handbook)
                guard case .failed(let problems) = rebuild() else {
                    Issue.record("step '\(step.name)': the broken handbook did not fail the build")
                    continue
                }
                #expect(problems.contains { $0.severity == .error && $0.location?.file.hasSuffix(file) == true },
                        "step '\(step.name)': \(problems.prefix(3))")
                #expect(problems == (try fullDiagnostics(handbook)), "step '\(step.name)': other problems than a full build's")
            }
            try step.change(handbook)
            guard case .built(let result) = rebuild() else {
                Issue.record("step '\(step.name)': the rebuild failed")
                continue
            }
            step.expect?(builder.lastCounts, result)
            #expect(result.fromChanges == (namingChanges && step.fromChanges), "step '\(step.name)'")
            #expect(result.deferred?.paths.allSatisfy { result.files[$0] == nil && result.changedPages.contains($0) } ?? true)
            #expect(result.warnings == (try fullDiagnostics(handbook)), "step '\(step.name)': other warnings than a full build's")
            if let kept = builder.fingerprints {
                expectSame(kept, try SiteBuilder.prepare(handbook.buildOptions()), step: step.name)
            }
            let full = try handbook.fullBuild()
            let incremental = try IncrementalBuildTests.bytes(result)
            #expect(Set(incremental.keys) == Set(full.keys), "step '\(step.name)': different files")
            let different = full.keys.filter { incremental[$0] != full[$0] }.sorted()
            #expect(different.isEmpty, "step '\(step.name)': pages differ from a full build: \(different.prefix(5))")
            #expect(!result.full, "step '\(step.name)' rebuilt everything")
        }
    }

    /// The paths inotify reports are those the loader read the tips from, so that a save of a tip
    /// (an editor's temporary file renamed over it) starts the rebuild from the changes.
    @Test func theWatchersPathsLetARebuildStartFromTheChanges() async throws {
        let handbook = try TemporaryHandbook(generatedTips: 30)
        let builder = PreviewBuilder(options: handbook.buildOptions())
        let watcher = ContentWatcherTests.watcher(handbook, mode: .automatic)
        defer { watcher.stop() }
        guard case .built = builder.rebuild() else {
            Issue.record("the first build failed")
            return
        }
        try handbook.edit(handbook.generatedTipFile(3)) { $0 + "\nEdited.\n" }
        let batch = await ContentWatcherTests.nextBatch(watcher, timeout: .seconds(10))
        guard case .built(let result) = builder.rebuild(changed: batch) else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(result.fromChanges, "\(batch ?? [])")
        #expect(result.renderedPages == 1)
    }

    /// A change to a symlink's target is not reported under the link's path, so with a symlink in
    /// the content folder every rebuild looks at every file, even when told what changed.
    @Test func aSymlinkInTheContentMakesEveryRebuildLookAtEveryFile() async throws {
        let handbook = try TemporaryHandbook(generatedTips: 30)
        let target = handbook.content.appendingPathComponent("extra/tip-31.md")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try handbook.save(target, GeneratedContent(tips: 31).tip(31))
        try FileManager.default.createSymbolicLink(atPath: handbook.content.appendingPathComponent("tips/031-link.md").path,
                                                   withDestinationPath: "../extra/tip-31.md")
        let builder = PreviewBuilder(options: handbook.buildOptions())
        guard case .built = builder.rebuild() else {
            Issue.record("the first build failed")
            return
        }
        try handbook.edit(target) { $0 + "\nEdited through the link.\n" }
        let tip = handbook.generatedTipFile(3)
        try handbook.edit(tip) { $0 + "\nEdited.\n" }
        guard case .built(let result) = builder.rebuild(changed: [tip.standardizedFileURL.path]) else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(!result.fromChanges)
        let full = try handbook.fullBuild()
        let incremental = try IncrementalBuildTests.bytes(result)
        #expect(full.keys.filter { incremental[$0] != full[$0] }.isEmpty)
    }

    /// What a full build reports: its warnings, or every problem when it fails.
    static func fullDiagnostics(_ handbook: TemporaryHandbook) throws -> [Diagnostic] {
        do {
            return try SiteBuilder.prepare(handbook.buildOptions()).diagnostics
        } catch let failure as BuildFailure {
            return failure.diagnostics
        }
    }

    /// The fingerprints the preview kept (patched after each change) against those of a full plan.
    static func expectSame(_ kept: PageFingerprints, _ prepared: SiteBuilder.Prepared, step: String) {
        let (_, full) = RebuildPlanner.plan(prepared, since: nil)
        let different = Set(kept.byPath.keys).union(full.byPath.keys).filter { kept.byPath[$0] != full.byPath[$0] }.sorted()
        #expect(different.isEmpty, "step '\(step)': page fingerprints differ from a full plan's: \(different.prefix(5))")
        #expect(kept.paths == full.paths && kept.pages == full.pages, "step '\(step)'")
        #expect(kept.tipSummaries == full.tipSummaries, "step '\(step)'")
        #expect(kept.relatedBy.mapValues { $0.sorted() } == full.relatedBy.mapValues { $0.sorted() }, "step '\(step)'")
    }

    @Test func linksToChaptersAndThemesAreFoundEvenWhenSpelledOddly() {
        for text in ["[](chapter:2)", "[](CHAPTER:2)", "[x](Theme:empathy)", "[x](../tips/a.MD)", "[](ch&#97;pter:2)",
                     "[](chapter\\:2)"] {
            #expect(BodyReuse.mayLinkBeyondTips(text), "\(text)")
        }
        for text in ["[](tip:2)", "A chapter, one", "themes: none", "x.m", ""] {
            #expect(!BodyReuse.mayLinkBeyondTips(text), "\(text)")
        }
    }
}
