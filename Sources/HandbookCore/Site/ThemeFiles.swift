//! The theme's files: the user's theme folder over the built-in theme, file by file, as in mdBook and Zola.

import FoundationEssentials

/// One theme in two layers: the folder (`--theme`, or `themes/default` beside the content), which
/// need not exist, over `themes/default` built into the program (`EmbeddedThemeFiles`).
public struct ThemeFiles: Sendable {
    /// The user's theme folder: its files win over the built-in ones.
    public let folder: UserPath

    public init(folder: UserPath) {
        self.folder = folder
    }

    /// How messages name a file of the built-in theme.
    public static let builtInName = "(built-in theme)"

    /// One file of the theme, from whichever layer has it.
    struct File {
        let bytes: [UInt8]
        /// As messages name it: in the folder, or in the built-in theme.
        let shown: String
        let isBuiltIn: Bool

        var text: String? { String(validating: bytes, as: UTF8.self) }
    }

    /// Every path of the built-in theme ("templates/tip.mustache"), sorted.
    public static let builtInPaths: [String] = EmbeddedThemeFiles.base64.keys.sorted()

    /// A file of the built-in theme; nil when it has none by that path.
    public static func builtIn(_ path: String) -> [UInt8]? {
        EmbeddedThemeFiles.base64[path].flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
    }

    /// The file at `path` (relative to the theme): the folder's when it has one, else the built-in one.
    func file(_ path: String) -> File? {
        let own = folder.appending(path)
        if let data = FileManager.default.contents(atPath: own.path) {
            return File(bytes: [UInt8](data), shown: own.shown, isBuiltIn: false)
        }
        return Self.builtIn(path).map { File(bytes: $0, shown: Self.builtInName + "/" + path, isBuiltIn: true) }
    }

    /// The paths under `subfolder` (e.g. "templates") in either layer, relative to it, sorted; hidden names left out.
    func paths(under subfolder: String) -> [String] {
        let prefix = subfolder + "/"
        var paths = Set(Self.builtInPaths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
        paths.formUnion(ownPaths(under: subfolder))
        return paths.sorted()
    }

    /// The folder's own entries under `subfolder`, relative to it (folders too; hidden names left out).
    func ownPaths(under subfolder: String) -> [String] {
        (FolderListing.everyPath(under: folder.appending(subfolder).path) ?? [])
            .filter { !$0.split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
    }

    /// Whether either layer has a file under `subfolder`.
    func hasFiles(under subfolder: String) -> Bool {
        Self.builtInPaths.contains { $0.hasPrefix(subfolder + "/") }
            || FileManager.default.fileExists(atPath: folder.appending(subfolder).path)
    }
}
