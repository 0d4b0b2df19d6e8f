//! `handbook init [DIR]`: a new handbook that builds at once, five sample tips showing every feature.

import FoundationEssentials

public enum HandbookStarter {
    /// The languages the sample is written in.
    public static let languages = ["en", "nl"]

    /// The sample's files for `language`, from `Scaffold/Samples/LANGUAGE/` (built into the program), and a .gitignore.
    static func files(language: String) -> [(path: String, bytes: [UInt8])]? {
        guard languages.contains(language) else { return nil }
        let prefix = language + "/"
        let samples = EmbeddedSampleFiles.base64.compactMap { path, base64 -> (path: String, bytes: [UInt8])? in
            guard path.hasPrefix(prefix), let data = Data(base64Encoded: base64) else { return nil }
            return (String(path.dropFirst(prefix.count)), [UInt8](data))
        }
        // Kept out of the samples folder: the embedder leaves out names that start with ".".
        return samples.sorted { $0.path < $1.path } + [(".gitignore", Array("site/\n".utf8))]
    }

    /// Writes the sample into `folder` (made when missing), refusing one that holds anything; returns the paths written.
    public static func create(in folder: UserPath, language: String) throws -> [String] {
        guard let files = files(language: language) else {
            throw BuildFailure([.error("there is no sample handbook in '\(language)'", at: nil,
                                       hint: "choose one of \(languages.joined(separator: ", ")), then translate the words")])
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw BuildFailure([.error("the folder '\(folder)' is not empty; nothing was written", at: nil,
                                       hint: "name a new or empty folder: handbook init my-handbook")])
        }
        var isFolder = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder {
            throw BuildFailure([.error("'\(folder)' is a file, not a folder", at: nil,
                                       hint: "name a new or empty folder: handbook init my-handbook")])
        }
        return try FileWriter.writeAllNew(files.map { ($0.path, $0.bytes) }, into: folder,
                                          hint: "name a new or empty folder")
    }
}
