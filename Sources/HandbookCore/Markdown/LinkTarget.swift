//! What a link in Markdown points at, once its `tip:`/`chapter:`/`theme:` or `.md` form is read.

/// An internal link target in the handbook.
public enum LinkTarget: Sendable, Hashable {
    case tip(Int)
    case chapter(Int)
    case theme(String)
    case home
}

/// Turns targets into URLs for one kind of output (pages of the site, or the single booklet).
public protocol LinkDestinations: Sendable {
    /// The URL for `target`, as written into a page whose links start from `prefix`.
    func url(for target: LinkTarget, fragment: String?) -> String
}
