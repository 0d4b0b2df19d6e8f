//! Builds `themes/default` into HandbookCore as a generated Swift file, at every build, so that
//! the folder stays the one source of the built-in theme and no copy of it is checked in.

import Foundation
import PackagePlugin

@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        // Every file is an input, so an edit to any of them (or a new one) regenerates the source.
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(file)
            }
        }
        return [.buildCommand(displayName: "Embedding the default theme",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [theme.path, output.path],
                              inputFiles: inputs.sorted { $0.path < $1.path },
                              outputFiles: [output])]
    }
}
