//! The theme's `assets/`, read into memory so that `build` and the preview publish the same files.

import FoundationEssentials
import Glibc

struct ThemeAssets: Sendable {
    /// Site path ("assets/handbook.css") → bytes, sorted by path.
    let files: [(path: String, bytes: [UInt8])]

    /// The folder's `assets/` (hidden names aside) over the built-in theme's. A symlink is followed
    /// only when it stays inside the theme folder; one that leads outside is left out, with a warning.
    static func load(from folder: UserPath) -> (ThemeAssets, [Diagnostic]) {
        let (own, diagnostics) = loadOwn(from: folder)
        var files = own
        let replaced = Set(own.map(\.path))
        for path in ThemeFiles.builtInPaths where path.hasPrefix("assets/") && !replaced.contains(path) {
            if let bytes = ThemeFiles.builtIn(path) { files.append((path, bytes)) }
        }
        return (ThemeAssets(files: files.sorted { $0.path < $1.path }), diagnostics)
    }

    /// The folder's own assets.
    private static func loadOwn(from folder: UserPath) -> ([(path: String, bytes: [UInt8])], [Diagnostic]) {
        let assets = folder.appending("assets")
        let paths = ThemeFiles(folder: folder).ownPaths(under: "assets")
        let theme = ContentLoader.realPath(folder.path) ?? folder.path
        var files: [(path: String, bytes: [UInt8])] = []
        var diagnostics: [Diagnostic] = []
        for relative in paths {
            let file = assets.appending(relative)
            guard let real = ContentLoader.realPath(file.path), real.hasPrefix(theme + "/") else {
                diagnostics.append(.warning("theme asset '\(file)' is not published: it is a link that leads outside the theme folder, or nowhere",
                                          at: SourceLocation(file: file.shown),
                                          hint: "copy the file into the theme instead of linking to it"))
                continue
            }
            var info = stat()
            guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            // An empty file is not read: Foundation leaks a buffer on every read of one (LeakSanitizer).
            guard let data = info.st_size == 0 ? Data() : FileManager.default.contents(atPath: real) else {
                diagnostics.append(.error("cannot read theme asset '\(file)'", at: SourceLocation(file: file.shown)))
                continue
            }
            files.append(("assets/" + relative, [UInt8](data)))
        }
        return (files, diagnostics)
    }
}
