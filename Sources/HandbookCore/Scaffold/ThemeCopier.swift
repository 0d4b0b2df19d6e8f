//! `handbook theme copy [DIR]`: the built-in theme written out, to change more than a file or two.

public enum ThemeCopier {
    /// Writes the built-in theme into `folder`, or nothing when any of its files is there; returns the paths written.
    public static func copyBuiltIn(to folder: UserPath) throws -> [String] {
        let files = ThemeFiles.builtInPaths.compactMap { path in ThemeFiles.builtIn(path).map { (path: path, bytes: $0) } }
        return try FileWriter.writeAllNew(files, into: folder,
                                          hint: "choose an empty folder, or move the existing theme away first")
    }
}
