//! `handbook theme copy [DIR]`: the built-in theme written out, to change more than a file or two.

public enum ThemeCopier {
    /// Writes every file of the built-in theme into `folder`; refuses, writing nothing, when any
    /// of them is there already. Returns the paths written.
    public static func copyBuiltIn(to folder: UserPath) throws -> [String] {
        let files = ThemeFiles.builtInPaths.compactMap { path in ThemeFiles.builtIn(path).map { (path: path, bytes: $0) } }
        return try FileWriter.writeAllNew(files, into: folder,
                                          hint: "choose an empty folder, or move the existing theme away first")
    }
}
