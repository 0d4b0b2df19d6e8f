//! Builds the files that ship inside the program into generated Swift files, at every build:
//! HandbookCore's `themes/default` (the built-in theme) and the samples of `handbook init`, and
//! HandbookPreview's Browser/ (the reload script, the error panel's style). The folders stay the
//! one source; no copy of them is checked in.

import Foundation
import PackagePlugin

@main
struct EmbedBuiltInFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let embedder = try context.tool(named: "FolderEmbedder").url
        let package = context.package.directoryURL
        let folders = target.name == "HandbookPreview"
            ? [(package.appending(path: "Sources/HandbookPreview/Browser"), "EmbeddedBrowserFiles")]
            : [(package.appending(path: "themes/default"), "EmbeddedThemeFiles"),
               (package.appending(path: "Sources/HandbookCore/Scaffold/Samples"), "EmbeddedSampleFiles")]
        return folders.map { folder, name in
            let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
            return .buildCommand(displayName: "Embedding \(folder.lastPathComponent)", executable: embedder,
                                 arguments: [folder.path, output.path, name],
                                 inputFiles: Self.files(in: folder), outputFiles: [output])
        }
    }

    /// Every file is an input, so an edit to any of them (or a new one) regenerates the source.
    private static func files(in folder: URL) -> [URL] {
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(file)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
