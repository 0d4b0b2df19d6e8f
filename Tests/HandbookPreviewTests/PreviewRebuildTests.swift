// The preview's rebuild must give the very bytes a `handbook build` gives, after every kind of
// edit an author makes, and name exactly the files that changed (the pages it tells to reload).

import Foundation
import HandbookCore
import NIOCore
import Testing
@testable import HandbookPreview

struct PreviewRebuildTests {
    struct Step: Sendable {
        var name: String
        var change: @Sendable (TemporaryHandbook) throws -> Void
    }

    static let newTip = """
        ---
        number: 107
        title: Write the test first
        chapter: 9
        themes: [never-normal, empathy]
        related: [1, 106]
        summary: A new tip, added while the preview runs.
        ---
        It links to [the first tip](tip:1) and to [](tip:106).

        **Try this:** add one tip.

        """

    static let steps: [Step] = [
        Step(name: "body edit") { handbook in
            try handbook.edit(try handbook.tipFile(10)) { $0 + "\nOne more paragraph, added in the preview.\n" }
        },
        Step(name: "touched without a change") { handbook in
            let file = try handbook.tipFile(11)
            guard utimes(file.path, nil) == 0 else { throw CocoaError(.fileWriteUnknown) }
        },
        Step(name: "rewritten in place with the same size") { handbook in
            let file = try handbook.tipFile(11)
            try Data(try handbook.read(file).replacingOccurrences(of: "customer", with: "CUSTOMER").utf8).write(to: file)
        },
        Step(name: "title of a tip that others link to without link text") { handbook in
            try handbook.edit(try handbook.tipFile(39)) {
                $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed - ")
            }
        },
        Step(name: "summary") { handbook in
            try handbook.edit(try handbook.tipFile(20)) {
                $0.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Changed. ")
            }
        },
        Step(name: "themes") { handbook in
            try handbook.replace("themes: [leadership, flywheel]", with: "themes: [leadership, flywheel, empathy]",
                                 in: try handbook.tipFile(5))
        },
        Step(name: "flywheel step") { handbook in
            try handbook.replace("flywheel_step: 2", with: "flywheel_step: 3", in: try handbook.tipFile(5))
        },
        Step(name: "chapter move") { handbook in
            try handbook.replace("\nchapter: 2\n", with: "\nchapter: 3\n", in: try handbook.tipFile(15))
        },
        Step(name: "related") { handbook in
            try handbook.edit(try handbook.tipFile(30)) {
                $0.replacingOccurrences(of: "\nrelated: [", with: "\nrelated: [1, ")
            }
        },
        Step(name: "new link gives the target a 'referenced by'") { handbook in
            try handbook.edit(try handbook.tipFile(40)) { $0 + "\nSee also [this tip](tip:41).\n" }
        },
        Step(name: "new tip") { handbook in
            try handbook.save(handbook.content.appendingPathComponent("tips/107-write-the-test-first.md"), newTip)
        },
        Step(name: "renumbered tip") { handbook in
            let file = handbook.content.appendingPathComponent("tips/107-write-the-test-first.md")
            try handbook.replace("number: 107", with: "number: 108", in: file)
        },
        Step(name: "deleted tip") { handbook in
            try FileManager.default.removeItem(at: handbook.content.appendingPathComponent("tips/107-write-the-test-first.md"))
        },
        Step(name: "renamed file (new slug) of a tip others relate to") { handbook in
            let file = try handbook.tipFile(106)
            try FileManager.default.moveItem(at: file, to: file.deletingLastPathComponent()
                .appendingPathComponent("106-refresh-the-customer-picture.md"))
        },
        Step(name: "chapter introduction") { handbook in
            let file = handbook.content.appendingPathComponent("chapters/02-positivity.md")
            try handbook.edit(file) { $0 + "\nA new closing line for the chapter.\n" }
        },
        Step(name: "chapter title") { handbook in
            let file = handbook.content.appendingPathComponent("chapters/03-the-circle-of-influence.md")
            try handbook.edit(file) { $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: New - ") }
        },
        Step(name: "handbook.yml") { handbook in
            let file = handbook.content.appendingPathComponent("handbook.yml")
            try handbook.edit(file) { $0.replacingOccurrences(of: "title: The Customer", with: "title: A Customer") }
        },
        Step(name: "template") { handbook in
            let file = handbook.theme.appendingPathComponent("templates/tip.mustache")
            try handbook.edit(file) { "{{! edited }}" + $0.replacingOccurrences(of: "</article>", with: "</article><!-- x -->") }
        },
        Step(name: "strings") { handbook in
            let file = handbook.theme.appendingPathComponent("strings/en.yml")
            try handbook.edit(file) { $0.replacingOccurrences(of: "all_tips: All tips", with: "all_tips: Every tip") }
        },
        Step(name: "stylesheet only") { handbook in
            let file = handbook.theme.appendingPathComponent("assets/handbook.css")
            try handbook.edit(file) { $0 + "\n.preview-test { color: red; }\n" }
        },
        Step(name: "a broken tip, then fixed") { handbook in
            let file = try handbook.tipFile(12)
            let good = try handbook.read(file)
            try handbook.save(file, good.replacingOccurrences(of: "\nchapter: ", with: "\nchapter: x"))
            try handbook.save(file, good + "\nFixed.\n")
        },
    ]

    // The builds block a thread for seconds: off the concurrency pool, which the server tests need.
    @Test func everyRebuildEqualsAFullBuildAndNamesWhatChanged() async throws {
        try await offPool { try Self.checkEveryStep() }
    }

    static func checkEveryStep() throws {
        let handbook = try TemporaryHandbook()
        let builder = PreviewBuilder(options: handbook.buildOptions())
        guard case .built(let first) = builder.rebuild() else {
            Issue.record("the first build failed")
            return
        }
        #expect(first.full)
        // A rebuild without changes changes nothing.
        guard case .built(let unchanged) = builder.rebuild() else { return }
        #expect(!unchanged.full)
        #expect(unchanged.changedPaths.isEmpty)
        var served = try bytes(first)
        #expect(served == (try handbook.fullBuild()))
        for step in steps {
            try step.change(handbook)
            if step.name.hasPrefix("a broken tip") {
                let file = try handbook.tipFile(12)
                let fixed = try handbook.read(file)
                try handbook.save(file, fixed.replacingOccurrences(of: "\nchapter: ", with: "\nchapter: x"))
                guard case .failed(let problems) = builder.rebuild() else {
                    Issue.record("the broken tip did not fail the build")
                    continue
                }
                #expect(problems.contains { $0.location?.file.hasSuffix(file.lastPathComponent) == true })
                try handbook.save(file, fixed)
            }
            guard case .built(let result) = builder.rebuild() else {
                Issue.record("step '\(step.name)': the rebuild failed")
                continue
            }
            let full = try handbook.fullBuild()
            let rebuilt = try bytes(result)
            #expect(Set(rebuilt.keys) == Set(full.keys), "step '\(step.name)': different files")
            let different = full.keys.filter { rebuilt[$0] != full[$0] }.sorted()
            #expect(different.isEmpty, "step '\(step.name)': pages differ from a full build: \(different.prefix(5))")
            let changed = Set(served.keys).union(rebuilt.keys).filter { served[$0] != rebuilt[$0] }
            #expect(Set(result.changedPaths) == changed, "step '\(step.name)': wrong list of changed files")
            #expect(changed.isEmpty == step.name.hasPrefix("touched"), "step '\(step.name)': \(changed.count) files changed")
            served = rebuilt
        }
    }

    @Test func aBodyEditChangesThatPageTheBookletAndTheSearchText() async throws {
        try await offPool { try Self.checkBodyEdit() }
    }

    static func checkBodyEdit() throws {
        let handbook = try TemporaryHandbook()
        let builder = PreviewBuilder(options: handbook.buildOptions())
        _ = builder.rebuild()
        try handbook.edit(try handbook.tipFile(10)) { $0 + "\nA new line.\n" }
        guard case .built(let result) = builder.rebuild() else {
            Issue.record("the rebuild failed")
            return
        }
        let page = "tips/010-make-your-good-intention-visible.html"
        let others = result.changedPaths.filter { $0 != page && !$0.hasPrefix("assets/search") }
        #expect(result.changedPaths.contains(page))
        #expect(result.changedPaths.contains { $0.hasPrefix("assets/search") })
        #expect(others == [SitePaths.booklet])
    }

    @Test func nothingOfThePreviewGoesIntoTheBuiltFiles() async throws {
        try await offPool { try Self.checkNothingLeaks() }
    }

    static func checkNothingLeaks() throws {
        let handbook = try TemporaryHandbook()
        guard case .built(let result) = PreviewBuilder(options: handbook.buildOptions()).rebuild() else {
            Issue.record("the build failed")
            return
        }
        let leaked = try bytes(result).filter { String(decoding: $0.value, as: UTF8.self).contains("handbook-preview") }.keys
        #expect(leaked.isEmpty)
        #expect(try handbook.fullBuild().values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("__handbook") })
    }

    /// Every file of the preview's site.
    static func bytes(_ result: PreviewBuilder.Result) throws -> [String: Data] {
        result.files.mapValues { Data($0) }
    }
}
