//! The booklet's folder in a site, for `handbook booklet`, which adds to a site instead of rebuilding it.

import FoundationEssentials
import Glibc

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
        // A site that is a link is the folder it leads to, as for `build`; no link below it is followed.
        let site = try SiteWriter.resolvedOutput(output)
        try SiteWriter.checkReplaceable(output)
        folder = UserPath(path: site.path, shown: output.shown).appending(language + "booklet")
        var below = UserPath(path: site.path, shown: output.shown)
        for part in (language + "booklet").split(separator: "/") {
            below = below.appending(String(part))
            var info = stat()
            if lstat(below.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symlink" : "not a folder"
                throw BuildFailure([.error("refusing to write into '\(below)': it is \(kind)", at: nil,
                                           hint: "remove the link; Handbook writes the booklet only into a folder of the site it built")])
            }
        }
        do {
            try manager.createDirectory(at: site, withIntermediateDirectories: true)
            let marker = site.appendingPathComponent(SitePaths.marker)
            var info = stat()
            if lstat(marker.path, &info) != 0 {
                // A new site folder: mark it so that `handbook build` may replace it later.
                try Self.writeNew(Array("Built by Handbook. This folder is replaced on every build.\n".utf8), at: marker.path)
            }
            try manager.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create '\(folder)': \(SystemErrorText.of(error))", at: nil,
                                       hint: "check the folder's permissions, or pass --output with another folder")])
        }
    }

    /// Writes `index.html` through a temporary file, so a reader never sees half of it.
    public func writeHTML(_ html: String) throws {
        let temporary = folder.url.appendingPathComponent(".index.html.partial-\(getpid())")
        do {
            try Self.writeNew(Array(html.utf8), at: temporary.path)
            guard rename(temporary.path, htmlFile.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw BuildFailure([.error("cannot write '\(htmlFile)': \(SystemErrorText.of(error))", at: nil)])
        }
    }

    /// Creates `path` afresh and writes `bytes` into it: never through a link, never into an existing file.
    static func writeNew(_ bytes: [UInt8], at path: String) throws {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        guard bytes.withUnsafeBytes({ writeFully(fd, $0) }) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
