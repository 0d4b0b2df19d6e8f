//! "Edit this page": where a page's source file can be edited, from `edit_url` in handbook.yml.

import FoundationEssentials

/// A file's path inside the content folder in place of `{path}` in `edit_url`, or after it when it has
/// none (`…/-/edit/main/content/`; `…?path=/content/{path}&version=GBmain` on Azure DevOps). Paths are
/// the ones messages show, so the content folder's is that of `handbook.yml`'s folder.
struct EditLinks: Sendable {
    static let placeholder = HandbookConfig.editPathPlaceholder
    /// Anything else is percent-encoded, so a name with a space, `&` or `#` works in a URL's path and query alike.
    private static let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)

    private let template: String?
    private let shownRoot: String
    private let configFile: String

    init(config: HandbookConfig) {
        template = config.editURL.map { url in
            url.contains(Self.placeholder) ? url : (url.hasSuffix("/") ? url : url + "/") + Self.placeholder
        }
        configFile = config.sourceFile
        let name = ContentLoader.configFileName
        shownRoot = configFile.hasSuffix("/" + name) ? String(configFile.dropLast(name.count)) : ""
    }

    /// The edit URL of a tip's or chapter's file; nil without `edit_url`.
    func url(for source: MarkdownSource) -> String? { url(forShownPath: source.file) }

    /// The edit URL of `handbook.yml` (the home page's introduction and the themes are there).
    var configURL: String? { url(forShownPath: configFile) }

    private func url(forShownPath path: String) -> String? {
        guard let template, path.hasPrefix(shownRoot) else { return nil }
        let relative = String(path.dropFirst(shownRoot.count))
        let encoded = PercentEncoding.encode(relative, keeping: Self.kept)
        return template.replacingScalars(Self.placeholder, with: encoded)
    }
}
