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

        init(_ name: String, breaking: (@Sendable (TemporaryHandbook) throws -> String)? = nil,
             change: @escaping @Sendable (TemporaryHandbook) throws -> Void,
             expect: (@Sendable (ContentCache.Counts, PreviewBuilder.Result) -> Void)? = nil) {
            self.name = name
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
        Step("body edit", change: { handbook in
            try handbook.edit(handbook.generatedTipFile(10)) { $0 + "\nOne more paragraph.\n" }
        }, expect: { counts, result in
            #expect(counts == .init(filesRead: 1, filesDecoded: 1, bodiesRendered: 1))
            #expect(result.renderedPages == 1)
        }),
        Step("touched without a change", change: { handbook in
            try handbook.touch(handbook.generatedTipFile(20))
        }, expect: { counts, result in
            // Read again (as is the file edited just before, whose stamp has not settled yet), but
            // its bytes are the same, so nothing is decoded or rendered.
            #expect(counts.filesRead >= 1 && counts.filesRead <= 2)
            #expect(counts.filesDecoded == 0 && counts.bodiesRendered == 0)
            #expect(result.renderedPages == 0)
            #expect(result.changedPages == [BookletBuilder.htmlPath])
        }),
        Step("rewritten in place, same size, old modification time", change: { handbook in
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
        Step("title of a tip that several bodies link to", change: { handbook in
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
        Step("a body back to its earlier text", change: { handbook in
            try handbook.edit(handbook.generatedTipFile(10)) { $0.replacingOccurrences(of: "\nOne more paragraph.\n", with: "") }
        }),
        Step("front matter one line longer, body the same", change: { handbook in
            try handbook.replace("\nsummary: ", with: "\ndraft: false\nsummary: ", in: handbook.generatedTipFile(12))
        }),
    ]

    // The builds block a thread for seconds: off the concurrency pool, which the server tests need.
    @Test func everyCachedRebuildEqualsAFullBuild() async throws {
        try await offPool { try Self.checkEveryStep() }
    }

    static func checkEveryStep() throws {
        let handbook = try TemporaryHandbook(generatedTips: tipCount)
        // Files are trusted by their stamps once these have settled (`FileStamp.settlingNanoseconds`).
        Thread.sleep(forTimeInterval: Double(FileStamp.settlingNanoseconds) / 1e9 + 0.1)
        let builder = PreviewBuilder(options: handbook.buildOptions())
        guard case .built(let first) = builder.rebuild() else {
            Issue.record("the first build of the generated handbook failed")
            return
        }
        #expect(first.full)
        #expect(first.warnings.isEmpty, "\(first.warnings.prefix(3))")
        guard case .built(let unchanged) = builder.rebuild() else { return }
        #expect(unchanged.renderedPages == 0)
        #expect(builder.lastCounts == .init(filesRead: 0, filesDecoded: 0, bodiesRendered: 0))
        for step in steps {
            if let breaking = step.breaking {
                let file = try breaking(handbook)
                guard case .failed(let problems) = builder.rebuild() else {
                    Issue.record("step '\(step.name)': the broken handbook did not fail the build")
                    continue
                }
                #expect(problems.contains { $0.severity == .error && $0.location?.file.hasSuffix(file) == true },
                        "step '\(step.name)': \(problems.prefix(3))")
            }
            try step.change(handbook)
            guard case .built(let result) = builder.rebuild() else {
                Issue.record("step '\(step.name)': the rebuild failed")
                continue
            }
            step.expect?(builder.lastCounts, result)
            let full = try handbook.fullBuild()
            let incremental = try IncrementalBuildTests.bytes(result)
            #expect(Set(incremental.keys) == Set(full.keys), "step '\(step.name)': different files")
            let different = full.keys.filter { incremental[$0] != full[$0] }.sorted()
            #expect(different.isEmpty, "step '\(step.name)': pages differ from a full build: \(different.prefix(5))")
            #expect(!result.full, "step '\(step.name)' rebuilt everything")
        }
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
