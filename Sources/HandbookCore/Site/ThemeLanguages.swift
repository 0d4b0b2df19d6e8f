//! The languages a theme has interface strings for: its `strings/<language>.yml` files.

extension SiteTheme {
    /// Sorted language tags (`en`, `nl`), for messages that list them.
    static func languages(in folder: UserPath) -> [String] {
        FolderListing.names(in: folder.appending("strings").path)
            .filter { $0.hasSuffix(".yml") }
            .map { String($0.dropLast(4)) }
            .filter(LanguageTag.isValid)
            .sorted()
    }
}
