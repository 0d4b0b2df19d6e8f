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
    /// The URL for `target`, as written into the page or document this output renders.
    func url(for target: LinkTarget, fragment: String?) -> String

    /// Extra attributes for the link's `<a>` tag, already escaped (`class="print-ref" …`), or
    /// nil for a plain link. `target` is nil for links that leave the handbook.
    func linkAttributes(for target: LinkTarget?, url: String) -> String?
}

extension LinkDestinations {
    public func linkAttributes(for target: LinkTarget?, url: String) -> String? { nil }
}

/// Which body is being rendered, so that its heading ids can be made unique in a document
/// that holds many bodies (the booklet).
public enum BodyOwner: Sendable, Hashable {
    case introduction
    case chapter(Int)
    case tip(Int)
}
