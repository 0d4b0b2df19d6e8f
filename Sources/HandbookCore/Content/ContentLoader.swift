//! Reads the content folder: `handbook.yml`, `chapters/**/*.md` and `tips/**/*.md`. Reads only.

import FoundationEssentials
import Glibc

/// The raw files of a handbook, decoded as text, plus any problem met while reading them.
public struct ContentFiles: Sendable {
    public var config: SourceFile?
    public var chapters: [SourceFile] = []
    public var tips: [SourceFile] = []
    /// `assessment.yml`, the self-assessment, when there is one.
    public var assessment: SourceFile?
    public var diagnostics: [Diagnostic] = []
    /// Translations: each folder named after a language (`nl`, `pt-BR`) that has a handbook.yml.
    public var translations: [(language: String, files: ContentFiles)] = []
}

/// Finds and reads content files. Symlinks may point only inside the content folder.
public enum ContentLoader {
    public static let configFileName = "handbook.yml"
    public static let assessmentFileName = "assessment.yml"
    /// Building a tip takes about 26 times its size in memory at its peak (docs/hostile-input.md).
    public static let maxFileSize = 64 << 20

    /// Reads the content folder `root`.
    public static func load(root: UserPath) -> ContentFiles {
        load(root: root, withTranslations: true, outerRoot: nil)
    }

    /// `outerRoot`: a translation's links may lead anywhere inside the whole content folder, not further.
    private static func load(root: UserPath, withTranslations: Bool, outerRoot: String?) -> ContentFiles {
        var files = ContentFiles()
        let rootPath = root.url.standardizedFileURL.path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory else {
            files.diagnostics.append(.error(
                "content folder '\(root)' does not exist",
                at: nil, hint: "run from the handbook's folder, or pass --content PATH"))
            return files
        }
        let realRoot = outerRoot ?? realPath(rootPath) ?? rootPath
        let root = UserPath(path: rootPath, shown: root.shown.hasSuffix("/") ? String(root.shown.dropLast()) : root.shown)

        let config = root.appending(configFileName)
        if FileManager.default.fileExists(atPath: config.path) {
            files.config = readRootFile(config, realRoot: realRoot, diagnostics: &files.diagnostics)
        } else {
            files.diagnostics.append(.error(
                "missing \(configFileName) in '\(root)'", at: nil,
                hint: "create \(config) with at least 'title:' and the list of 'themes:'"))
        }
        let assessment = root.appending(assessmentFileName)
        if FileManager.default.fileExists(atPath: assessment.path) {
            files.assessment = readRootFile(assessment, realRoot: realRoot, diagnostics: &files.diagnostics)
        }

        // Both folders' files are read in one parallel loop: one wait for the slowest file, not two.
        var found: [UserPath] = []
        var chapterCount = 0
        for folder in ["chapters", "tips"] {
            if let problem = linkProblem(root.appending(folder), realRoot: realRoot) {
                files.diagnostics.append(problem)
                continue
            }
            var visited = Set<String>()
            collectMarkdown(in: root.appending(folder), realRoot: realRoot, visited: &visited, into: &found,
                            diagnostics: &files.diagnostics)
            if folder == "chapters" { chapterCount = found.count }
        }
        if withTranslations {
            for language in translationFolders(of: root) {
                if let problem = linkProblem(root.appending(language), realRoot: realRoot) {
                    files.diagnostics.append(problem)
                } else {
                    files.translations.append((language, load(root: root.appending(language), withTranslations: false, outerRoot: realRoot)))
                }
            }
        }
        files.tips.reserveCapacity(found.count - chapterCount)
        for (index, result) in found.concurrentMap({ read($0) }).enumerated() {
            switch result {
            case .success(let file) where index < chapterCount:
                files.chapters.append(file)
            case .success(let file):
                files.tips.append(file)
            case .failure(let diagnostic):
                files.diagnostics.append(diagnostic)
            }
        }
        return files
    }

    /// Folders of the content root whose name is a language tag and that hold a handbook.yml.
    private static func translationFolders(of root: UserPath) -> [String] {
        FolderListing.names(in: root.path).filter { name in
            LanguageTag.isValid(name) && FileManager.default.fileExists(atPath: root.appending(name).appending(configFileName).path)
        }.sorted()
    }

    // MARK: - Walking

    private static func collectMarkdown(in folder: UserPath, realRoot: String, visited: inout Set<String>,
                                        into found: inout [UserPath], diagnostics: inout [Diagnostic]) {
        let directory = folder.path
        let manager = FileManager.default
        guard let real = realPath(directory), visited.insert(real).inserted else { return }
        guard let entries = FolderListing.entries(of: directory) else {
            if manager.fileExists(atPath: directory) {
                diagnostics.append(.error("cannot read folder", at: SourceLocation(file: folder.shown),
                                          hint: "check the folder's permissions"))
            }
            return
        }
        // Byte order: `String`'s for ASCII names, at a tenth of its cost for thousands of tips.
        let sorted = entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (name, type) in sorted where !name.hasPrefix(".") {
            let entry = folder.appending(name)
            let path = entry.path
            // The listing's type saves a call per entry; a symlink or an unknown type is looked at.
            if type == DT_REG {
                if isMarkdownName(name) { found.append(entry) }
                continue
            }
            var info = stat()
            if type == DT_DIR {
                info.st_mode = S_IFDIR
            } else {
                guard lstat(path, &info) == 0 else { continue }
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                if let problem = linkProblem(entry, realRoot: realRoot) {
                    diagnostics.append(problem)
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                collectMarkdown(in: entry, realRoot: realRoot, visited: &visited, into: &found, diagnostics: &diagnostics)
            } else if isMarkdownName(name) {
                if let problem = notARegularFile(info.st_mode, at: entry.shown) {
                    diagnostics.append(problem)
                } else {
                    found.append(entry)
                }
            }
        }
    }

    /// `handbook.yml` or `assessment.yml`; nil when it cannot be read (the problem is reported).
    private static func readRootFile(_ file: UserPath, realRoot: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        if let problem = linkProblem(file, realRoot: realRoot) {
            diagnostics.append(problem)
            return nil
        }
        switch read(file) {
        case .success(let file): return file
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The error for a symlink that is broken, loops, or leads outside `realRoot`.
    private static func linkProblem(_ entry: UserPath, realRoot: String) -> Diagnostic? {
        var info = stat()
        guard lstat(entry.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let target = realPath(entry.path) else {
            return .error("symlink cannot be followed (it is broken or loops)", at: SourceLocation(file: entry.shown),
                          hint: "fix or remove the link")
        }
        guard target == realRoot || target.hasPrefix(realRoot + "/") else {
            return .error("symlink points outside the content folder, to '\(target)'", at: SourceLocation(file: entry.shown),
                          hint: "copy the files into the content folder instead of linking to them")
        }
        return nil
    }

    /// The error for anything but a regular file (a FIFO would block the read, a device never end it).
    static func notARegularFile(_ mode: mode_t, at shown: String) -> Diagnostic? {
        let kind: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "neither a file nor a folder"
        }
        return .error("this is \(kind), not a file; only regular files are read", at: SourceLocation(file: shown),
                      hint: "remove it from the content folder, or replace it with a Markdown file")
    }

    /// `name.lowercased().hasSuffix(".md")`, decided on the bytes when the character before `.md`
    /// is ASCII (or there is none): the loader, the watcher, links and slugs all ask here.
    public static func isMarkdownName<Name: StringProtocol>(_ name: Name) -> Bool {
        var tail = name.utf8.reversed().makeIterator()
        // `| 0x20` lowercases an ASCII letter, and maps no other byte to `d` or `m`.
        guard tail.next().map({ $0 | 0x20 }) == UInt8(ascii: "d"), tail.next().map({ $0 | 0x20 }) == UInt8(ascii: "m"),
              tail.next() == UInt8(ascii: ".") else { return false }
        guard let before = tail.next(), before >= 0x80 else { return true }
        // A non-ASCII character before it may join the "." into one character (a prefixed mark).
        return name.lowercased().hasSuffix(".md")
    }

    /// One file as the build reads it: regular files only, at most `maxFileSize`, decoded with LF line ends.
    public static func read(_ file: UserPath) -> Result<SourceFile, Diagnostic> {
        let (path, display) = (file.path, file.shown)
        // The fewest calls, no `URL` or `Data` per file. O_NONBLOCK: a FIFO swapped in since the
        // folder was listed does not block the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else {
            if fd >= 0 { close(fd) }
            return .failure(.error("cannot read file", at: SourceLocation(file: display),
                                   hint: "check that the file is readable (permissions)"))
        }
        defer { close(fd) }
        if let problem = notARegularFile(info.st_mode, at: display) { return .failure(problem) }
        guard info.st_size <= maxFileSize else {
            return .failure(.error("file is \((Int(info.st_size) + (1 << 20) - 1) >> 20) MB, more than the \(maxFileSize >> 20) MB a content file may have",
                                   at: SourceLocation(file: display, line: 1, column: 1),
                                   hint: "split it into several tips, or move large material out of the handbook"))
        }
        // The size is a first guess: a file that grows while it is read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.error("cannot read file", at: SourceLocation(file: display),
                                       hint: "check that the file is readable (permissions)"))
            }
            if got == 0 { break }
            count += got
            // A regular file reads short only at its end: no second call just to be told so.
            if isRegular && count < bytes.count { break }
        }
        return SourceFile.decode(bytes: bytes[..<count], path: display).map { file in
            var file = file
            file.modified = Int(info.st_mtim.tv_sec)
            return file
        }
    }

    /// The path with every link resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
