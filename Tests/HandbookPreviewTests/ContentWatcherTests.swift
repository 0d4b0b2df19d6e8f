// The watcher reports a burst of editor saves once, ignores editor droppings and sees new folders.

import Foundation
import Testing
@testable import HandbookPreview

@Suite(.serialized)
struct ContentWatcherTests {
    /// The next batch, or nil when none comes within `timeout`.
    static func nextBatch(_ watcher: ContentWatcher, timeout: Duration) async -> Set<String>? {
        await withTaskGroup(of: Set<String>?.self) { group in
            group.addTask { await watcher.next() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if first == nil { watcher.stop() }
            return first
        }
    }

    /// The quiet time is long, so that a slow CI machine still writes a test's burst within it.
    static func watcher(_ handbook: TemporaryHandbook, mode: ContentWatcher.Mode) -> ContentWatcher {
        let watcher = ContentWatcher(folders: [.init(handbook.content, isContent: true), .init(handbook.theme, isContent: false)],
                                     debounce: .milliseconds(300), mode: mode)
        watcher.start()
        return watcher
    }

    @Test(arguments: [ContentWatcher.Mode.automatic, .polling(interval: .milliseconds(300))])
    func aBurstOfSavesIsOneBatch(mode: ContentWatcher.Mode) async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: mode)
        defer { watcher.stop() }
        if mode == .automatic { #expect(watcher.mechanism == "inotify") }
        let files = try (1...5).map { try handbook.tipFile($0) }
        for file in files {
            try handbook.edit(file) { $0 + "\nEdited.\n" }
        }
        let batch = await Self.nextBatch(watcher, timeout: .seconds(10))
        #expect(batch == Set(files.map(\.path)))
    }

    @Test func editorDroppingsAreIgnored() async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: .automatic)
        let tips = handbook.content.appendingPathComponent("tips")
        for name in [".001.md.swp", "001.md~", "4913", "#001.md#", "notes.txt", "draft.md.tmp"] {
            try Data("x".utf8).write(to: tips.appendingPathComponent(name))
        }
        let batch = await Self.nextBatch(watcher, timeout: .seconds(1))
        #expect(batch == nil)
    }

    @Test func aTipInANewFolderIsSeen() async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: .automatic)
        defer { watcher.stop() }
        let folder = handbook.content.appendingPathComponent("tips/extra")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = await Self.nextBatch(watcher, timeout: .seconds(5))
        let tip = folder.appendingPathComponent("200-new.md")
        try Data("---\n".utf8).write(to: tip)
        let batch = await Self.nextBatch(watcher, timeout: .seconds(5))
        #expect(batch?.contains(tip.path) == true)
    }

    /// `handbook new tip` writes a hidden file and links it into place: no write is closed on the new name.
    @Test(arguments: [ContentWatcher.Mode.automatic, .polling(interval: .milliseconds(300))])
    func aTipLinkedIntoPlaceIsSeen(mode: ContentWatcher.Mode) async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: mode)
        defer { watcher.stop() }
        let tips = handbook.content.appendingPathComponent("tips")
        let hidden = tips.appendingPathComponent(".new-tip-test")
        try Data("---\nnumber: 200\n".utf8).write(to: hidden)
        let tip = tips.appendingPathComponent("200-linked.md")
        #expect(link(hidden.path, tip.path) == 0)
        unlink(hidden.path)
        let batch = await Self.nextBatch(watcher, timeout: .seconds(5))
        #expect(batch == [tip.path])
    }

    @Test func theAssessmentFileCounts() async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: .automatic)
        defer { watcher.stop() }
        let file = handbook.content.appendingPathComponent("assessment.yml")
        try Data("groups: []\n".utf8).write(to: file)
        let batch = await Self.nextBatch(watcher, timeout: .seconds(5))
        #expect(batch == [file.path])
    }

    @Test func themeChangesCountWhateverTheirType() async throws {
        let handbook = try TemporaryHandbook()
        let watcher = Self.watcher(handbook, mode: .automatic)
        defer { watcher.stop() }
        let image = handbook.theme.appendingPathComponent("assets/logo.svg")
        try Data("<svg/>".utf8).write(to: image)
        let batch = await Self.nextBatch(watcher, timeout: .seconds(5))
        #expect(batch == [image.path])
    }
}
