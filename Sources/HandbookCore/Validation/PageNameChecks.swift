//! Two content files whose names make the same page (`a/500-same.md` and `b/500-same.md`,
//! `x.md` and `X.MD`): without this check one would silently overwrite the other.

enum PageNameChecks {
    /// One error for each file whose page an earlier file makes already (in the loader's order).
    static func collisions(of files: [SourceFile], kind: String) -> [Diagnostic] {
        var owner: [String: String] = [:]
        owner.reserveCapacity(files.count)
        var diagnostics: [Diagnostic] = []
        for file in files {
            let path = ContentDecoder.slug(of: file.path)
            if let first = owner[path] {
                diagnostics.append(.error("this \(kind)'s page would be named '\(path)', as \(first)'s is",
                                          at: SourceLocation(file: file.path),
                                          hint: "rename one of the two files: a page's name comes from its file's name, in lowercase, with hyphens for spaces and other signs"))
            } else {
                owner[path] = file.path
            }
        }
        return diagnostics
    }
}
