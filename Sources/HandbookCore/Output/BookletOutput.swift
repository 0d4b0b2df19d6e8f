//! The booklet's folder in a site, for `handbook booklet`, which adds to a site instead of rebuilding it.

import Foundation

/// `<site>/booklet/`, with its `index.html` and `booklet.pdf`. Like `SiteWriter`, it never writes
/// into a folder that Handbook did not make, and replaces each file in one rename.
public struct BookletOutput: Sendable {
    /// `site/booklet`, as messages name it too.
    public let folder: UserPath

    public var htmlFile: UserPath { folder.appending("index.html") }
    public var pdfFile: UserPath { folder.appending(SitePaths.bookletPDFName) }

    /// Checks that `site` is a Handbook site (or new or empty) and creates its `booklet/` folder,
    /// or a translation's (`nl/booklet/`) when `language` is its folder ("nl/").
    public init(site output: UserPath, language: String = "") throws {
        let manager = FileManager.default
        let site = output.url.standardizedFileURL
        try SiteWriter.checkReplaceable(output)
        folder = output.appending(language + "booklet")
        do {
            try manager.createDirectory(at: site, withIntermediateDirectories: true)
            let marker = site.appendingPathComponent(SitePaths.marker)
            if !manager.fileExists(atPath: marker.path) {
                // A new site folder: mark it so that `handbook build` may replace it later.
                try Data("Built by Handbook. This folder is replaced on every build.\n".utf8).write(to: marker)
            }
            try manager.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create '\(folder)': \(error.localizedDescription)", at: nil,
                                       hint: "check the folder's permissions, or pass --output with another folder")])
        }
    }

    /// Writes `index.html` through a temporary file, so a reader never sees half of it.
    public func writeHTML(_ html: String) throws {
        let temporary = folder.url.appendingPathComponent(".index.html.partial-\(getpid())")
        do {
            try Data(html.utf8).write(to: temporary)
            guard rename(temporary.path, htmlFile.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw BuildFailure([.error("cannot write '\(htmlFile)': \(error.localizedDescription)", at: nil)])
        }
    }
}
