//! Links inside the booklet: anchors in the one document, printed as references with page numbers.

/// The anchor names of the booklet, shared by the link destinations and the template context,
/// so that a `#tip-12` link always finds its `id="tip-12"`.
enum BookletAnchor {
    static let cover = "cover"
    static let about = "about"

    static func tip(_ number: Int) -> String { "tip-\(number)" }
    static func chapter(_ number: Int) -> String { "chapter-\(number)" }
    static func theme(_ slug: String) -> String { "theme-\(slug)" }
    static func part(_ index: Int) -> String { "part-\(index + 1)" }

    static func owner(_ body: BodyOwner) -> String {
        switch body {
        case .introduction: about
        case .chapter(let number): chapter(number)
        case .tip(let number): tip(number)
        }
    }

    /// A heading inside a tip or chapter body: its id is prefixed with its owner's anchor,
    /// since every body of the handbook shares one document.
    static func inside(_ owner: String, _ fragment: String) -> String { "\(owner)-\(fragment)" }
}

/// Link destinations for the booklet: `tip:12` becomes `#tip-12` with the print-reference class
/// and label, which booklet.css completes with `target-counter(attr(href), page)` into
/// "(tip 12, p. 34)"; `chapter:3#why` becomes `#chapter-3-why`.
struct BookletLinks: LinkDestinations {
    /// The words of a reference, in the handbook's language.
    struct Words: Sendable {
        var tip = "tip"
        var chapter = "chapter"
        var themeIndex = "index"
        var page = "p."
    }

    static let referenceClass = "print-ref"
    static let externalClass = "external"

    var words = Words()

    func url(for target: LinkTarget, fragment: String?) -> String {
        switch target {
        case .tip(let number): return "#" + anchor(BookletAnchor.tip(number), fragment)
        case .chapter(let number): return "#" + anchor(BookletAnchor.chapter(number), fragment)
        // A theme's tips are listed in the index at the back; its fragment has nothing to point at.
        case .theme(let slug): return "#" + BookletAnchor.theme(slug)
        case .home: return "#" + BookletAnchor.cover
        }
    }

    func linkAttributes(for target: LinkTarget?, url: String) -> String? {
        guard let target else {
            let lowered = url.lowercased()
            return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? "class=\"\(Self.externalClass)\"" : nil
        }
        guard let label = label(for: target) else { return nil }
        return "class=\"\(Self.referenceClass)\" data-ref=\"\(HTMLEscape.escape(label))\""
    }

    /// The words before the page number: "tip 12, p.".
    func label(for target: LinkTarget) -> String? {
        switch target {
        case .tip(let number): "\(words.tip) \(number), \(words.page)"
        case .chapter(let number): "\(words.chapter) \(number), \(words.page)"
        case .theme: "\(words.themeIndex), \(words.page)"
        case .home: nil
        }
    }

    private func anchor(_ owner: String, _ fragment: String?) -> String {
        fragment.map { BookletAnchor.inside(owner, $0) } ?? owner
    }
}
