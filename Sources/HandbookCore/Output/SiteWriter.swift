//! Writes a site into a staging folder beside the output, then swaps it in, so a failed or
//! interrupted build leaves the previous site whole. Never replaces a folder Handbook did not make.

import CFileSystem
import FoundationEssentials
import Dispatch
import Glibc

public final class SiteWriter: OutputSink, Sendable {
    public let output: URL
    public let staging: URL
    /// `staging.path`, made once: every file written is opened under it.
    private let stagingPath: String
    /// The output as messages name it.
    private let shown: String

    /// Checks that `output` may be replaced and creates an empty staging folder beside it.
    public init(output: UserPath) throws {
        let manager = FileManager.default
        self.output = try Self.resolvedOutput(output)
        shown = output.shown
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try Self.checkReplaceable(UserPath(path: self.output.path, shown: output.shown))
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create folder '\(parent.path)': \(SystemErrorText.of(error))", at: nil)])
        }
        Self.removeLeftoverStaging(in: parent, name: name)
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        stagingPath = staging.path
        try? manager.removeItem(at: staging)
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw Self.failure("cannot create a folder beside '\(output)'", errno: errno)
        }
        do {
            try write("Built by Handbook. This folder is replaced on every build.\n", to: SitePaths.marker)
        } catch {
            discard()
            throw error
        }
    }

    /// The folder a symlinked output leads to, else the output; a link that leads nowhere is refused, not replaced.
    static func resolvedOutput(_ output: UserPath) throws -> URL {
        let url = output.url.standardizedFileURL
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return url }
        guard let resolved = ContentLoader.realPath(url.path) else {
            throw BuildFailure([.error("output '\(output)' is a symlink that leads nowhere", at: nil,
                                       hint: "create the folder it points to, or pass --output with a folder")])
        }
        return URL(fileURLWithPath: resolved)
    }

    /// A failed write, in the system's words (`No space left on device`), with what to do about it.
    static func failure(_ message: String, errno code: Int32) -> BuildFailure {
        let hint: String
        switch code {
        case ENOSPC, EDQUOT: hint = "free some space on that disk, or pass --output with a folder on another disk"
        case EACCES, EPERM, EROFS: hint = "check the folder's permissions, or pass --output with another folder"
        default: hint = "pass --output with another folder"
        }
        return BuildFailure([.error("\(message): \(SystemErrorText.of(code: code))", at: nil, hint: hint)])
    }

    /// Creates the folders that the given file paths need, once, before parallel writes.
    public func prepareFolders(for paths: [String]) throws {
        // The last "/" found on the bytes: a search by characters made a string of each one,
        // and a large site has tens of thousands of paths.
        let folders = Set(paths.compactMap { path -> String? in
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            return String(path[..<slash])
        })
        for folder in folders.sorted() {
            var made = stagingPath
            for part in folder.split(separator: "/") {
                made += "/" + part
                guard mkdir(made, 0o755) == 0 || errno == EEXIST else {
                    throw Self.failure("cannot create '\(shown)/\(folder)'", errno: errno)
                }
            }
        }
    }

    public func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(buffer: $0, to: path) }
    }

    public func write(utf8 bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBufferPointer { try write(buffer: $0, to: path) }
    }

    private func write(buffer: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let target = stagingPath + "/" + path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, writeFully(fd, UnsafeRawBufferPointer(buffer)) else {
            throw Self.failure("cannot write '\(shown)/\(path)'", errno: errno)
        }
    }

    /// Puts the new site in place: the two folders exchanged in one step where the kernel can, else two renames with signals held back.
    public func commit() throws {
        let manager = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        let hadOutput = manager.fileExists(atPath: output.path)
        try SignalShield.run {
            if hadOutput, handbook_exchange_paths(staging.path, output.path) == 0 {
                // The previous site now sits at the staging path.
                _ = rename(staging.path, old.path)
                return
            }
            if hadOutput {
                guard rename(output.path, old.path) == 0 else {
                    throw BuildFailure([.error("cannot move the previous site aside: \(SystemErrorText.of(code: errno))", at: nil)])
                }
            }
            guard rename(staging.path, output.path) == 0 else {
                let reason = SystemErrorText.of(code: errno)
                if hadOutput { _ = rename(old.path, output.path) }
                throw BuildFailure([.error("cannot move the new site into place: \(reason)", at: nil)])
            }
        }
        if hadOutput { Self.removeBuiltFolder(old) }
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        Self.removeBuiltFolder(staging)
    }

    static func checkReplaceable(_ output: UserPath) throws {
        let manager = FileManager.default
        var isDirectory = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory else {
            throw BuildFailure([.error("output '\(output)' is a file, not a folder", at: nil,
                                       hint: "pass --output with a folder path")])
        }
        let contents = FolderListing.names(in: output.path)
        if contents.isEmpty || contents.contains(SitePaths.marker) { return }
        throw BuildFailure([.error("refusing to replace '\(output)': it is not empty and was not built by Handbook",
                                   at: nil,
                                   hint: "pass --output with a new or empty folder; Handbook only replaces folders it built")])
    }

    /// Staging folders of builds that were killed before they could clean up.
    private static func removeLeftoverStaging(in parent: URL, name: String) {
        let manager = FileManager.default
        for entry in FolderListing.names(in: parent.path)
        where (entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-")) && !ChildProcess.isRunning(namedIn: entry) {
            let folder = parent.appendingPathComponent(entry)
            // A killed build can leave the folder empty (killed before the marker was written, or
            // at the very end of a deletion); otherwise the marker is there (deleted last).
            guard let attributes = try? manager.attributesOfItem(atPath: folder.path),
                  attributes[.type] as? FileAttributeType == .typeDirectory else { continue }
            let contents = FolderListing.names(in: folder.path)
            if contents.contains(SitePaths.marker) {
                removeBuiltFolder(folder)
            } else if contents.isEmpty {
                rmdir(folder.path)
            }
        }
    }

    /// Deletes a folder Handbook built, its marker last, so a deletion cut short leaves a folder the next
    /// build still recognises and finishes (a plain recursive delete may take the marker first).
    static func removeBuiltFolder(_ folder: URL) {
        // Never through a link, and never a folder without the marker (but an empty one).
        var info = stat()
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        let top = FolderListing.names(in: folder.path)
        guard top.isEmpty || top.contains(SitePaths.marker) else { return }
        var found: [String] = []
        var folders: [String] = []
        collectEntries(in: folder.path, skipping: SitePaths.marker, files: &found, folders: &folders)
        let files = found
        // Thousands of pages: unlink them on all cores, then the emptied folders, deepest first.
        let chunks = min(files.count, 16)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in stride(from: chunk, to: files.count, by: chunks) { unlink(files[index]) }
        }
        for path in folders.reversed() { rmdir(path) }
        unlink(folder.path + "/" + SitePaths.marker)
        rmdir(folder.path)
    }

    /// Every entry below `directory` (but `skipping` at its top): files and symlinks, and folders parents first; links never followed.
    private static func collectEntries(in directory: String, skipping: String?, files: inout [String], folders: inout [String]) {
        guard let entries = FolderListing.entries(of: directory) else { return }
        for (name, type) in entries where name != skipping {
            let path = directory + "/" + name
            // The listing's type saves a call per file.
            guard let isFolder = FolderListing.isFolder(path, type: type) else { continue }
            if isFolder {
                folders.append(path)
                collectEntries(in: path, skipping: nil, files: &files, folders: &folders)
            } else {
                files.append(path)
            }
        }
    }
}
