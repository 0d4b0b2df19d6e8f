//! "Edit this page": where a page's source file can be edited, from `edit_url` in handbook.yml.

import FoundationEssentials

/// Makes a source file's edit URL from `edit_url`: the file's path inside the content folder
/// goes in place of `{path}`, or after the URL when it has none (`…/-/edit/main/content/` on
/// GitLab or GitHub; `…?path=/content/{path}&version=GBmain` on Azure DevOps).
///
/// Sources are named by their path as shown in messages (`content/tips/007-x.md`); the content
/// folder's shown name is that of `handbook.yml`'s folder, which the loader names the same way.
struct EditLinks: Sendable {
    static let placeholder = HandbookConfig.editPathPlaceholder
    /// Letters, digits, `-._~` and `/` stay; anything else in a file's path is percent-encoded, so
    /// a name with a space, `&` or `#` works in a URL's path and in its query alike.
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
