//! Shared by the booklet tests (the real handbook's booklet) and by tests that run a program (poppler's tools, swift).

import Foundation
@testable import HandbookCore

enum BookletSupport {
    /// The prepared real handbook (content/ and themes/default/ of this package).
    static func realHandbook() throws -> SiteBuilder.Prepared {
        var options = BuildOptions(content: packageRoot.appendingPathComponent("Tests/Fixtures/handbook").path,
                                   theme: packageRoot.appendingPathComponent("themes/default").path,
                                   output: NSTemporaryDirectory() + "handbook-booklet-unused")
        options.content = UserPath(path: options.content.path, shown: "content")
        options.theme = UserPath(path: options.theme.path, shown: "themes/default")
        return try SiteBuilder.prepare(options, booklet: true)
    }

    static func html(_ prepared: SiteBuilder.Prepared, paper: PaperSize = .a5) throws -> String {
        guard let html = prepared.bookletHTML(paper: paper) else {
            throw BuildFailure([.error("themes/default has no booklet/ folder", at: nil)])
        }
        return html
    }

    /// The booklet of a small fixture handbook.
    static func html(fixture files: [String: String], paper: PaperSize = .a5) throws -> String {
        let fixture = ContentFixture(ContentFixture.standard(files))
        return try html(SiteBuilder.prepare(fixture.options, booklet: true), paper: paper)
    }

    /// The full path of a program on PATH, or nil.
    static func which(_ program: String) -> String? {
        PDFRenderer(searchPath: nil).searchPath.split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program and returns its standard output; throws when it fails.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        guard let path = which(program) else {
            throw BuildFailure([.error("\(program) is not installed; install it with: apt-get install -y poppler-utils", at: nil)])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildFailure([.error("\(program) \(arguments.joined(separator: " ")) failed", at: nil)])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every `id="…"` and every in-document `href="#…"` of an HTML text.
    static func anchors(in html: String) -> (ids: [String], links: [String]) {
        func values(after marker: String) -> [String] {
            html.components(separatedBy: marker).dropFirst().compactMap { piece in
                piece.firstIndex(of: "\"").map { String(piece[..<$0]) }
            }
        }
        return (values(after: " id=\""), values(after: "href=\"#"))
    }

    /// Collapses runs of whitespace into single spaces.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
