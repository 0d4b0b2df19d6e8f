//! The same page in every language of the handbook: the language switch and `hreflang` links.

/// The handbook in each of its languages, the original first, each in its folder of the site.
struct LanguageVersions: Sendable {
    struct Version: Sendable {
        let language: String
        /// The language's name in itself ("Nederlands"), from its interface strings.
        let name: String
        let handbook: Handbook
        /// "" for the original, "nl/" for a translation.
        let folder: String
    }

    let versions: [Version]
    /// The version whose pages are being built.
    let current: Int

    /// Every language's address of `page`, from the current language at `root`: tips, chapters and
    /// themes are in the same order in every language, so a page is the same `PageKind` in each.
    func links(for page: PageKind, root: String) -> TemplateValue {
        let toSiteRoot = root + (versions[current].folder.isEmpty ? "" : "../")
        return .list(versions.indices.map { index in
            let version = versions[index]
            return .object(["lang": .string(version.language), "name": .string(version.name),
                            "url": .string(toSiteRoot + version.folder + page.path(in: version.handbook)),
                            "current": .bool(index == current)])
        })
    }
}
