//! The paper sizes the booklet is laid out for, and what each changes in the page rules.

/// A paper size for `handbook booklet --paper`. A5 is the folded workshop booklet: printed
/// two-sided, so chapters open on a right-hand page. A4 and Letter are read as loose sheets.
public enum PaperSize: String, Sendable, CaseIterable {
    case a5, a4, letter

    /// How the size is named to people: "A5", "Letter".
    public var label: String {
        switch self {
        case .a5: return "A5"
        case .a4: return "A4"
        case .letter: return "Letter"
        }
    }

    /// The `@page` size, margins and base type size the booklet stylesheet builds on; the bottom margin holds the page number.
    var css: String {
        let size: String, top: String, outer: String, bottom: String, inner: String, fontSize: String
        switch self {
        case .a5:
            (size, top, outer, bottom, inner, fontSize) = ("A5", "17mm", "15mm", "19mm", "19mm", "9.4pt")
        case .a4:
            (size, top, outer, bottom, inner, fontSize) = ("A4", "22mm", "32mm", "26mm", "32mm", "11pt")
        case .letter:
            (size, top, outer, bottom, inner, fontSize) = ("letter", "0.85in", "1.3in", "1in", "1.3in", "11pt")
        }
        return """
        @page { size: \(size); }
        @page :right { margin: \(top) \(outer) \(bottom) \(inner); }
        @page :left { margin: \(top) \(inner) \(bottom) \(outer); }
        html { font-size: \(fontSize); }
        """
    }
}
