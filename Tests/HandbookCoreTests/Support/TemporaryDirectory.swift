//! A fresh folder under /tmp for one test, removed when the test is done with it.

import Foundation

final class TemporaryDirectory {
    let url: URL

    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("handbook-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ text: String, to relative: String) {
        write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) {
        let target = file(relative)
        try! FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: target)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOf: file(relative), encoding: .utf8)
    }
}

/// The package's root folder, for tests that use the real content and theme.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
