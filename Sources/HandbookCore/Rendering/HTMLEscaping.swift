//! Escaping for text that Handbook itself writes into HTML or XML (templates escape their own).

/// Shared by the core and the preview server's error overlay; the same byte-level escape the
/// template renderer uses, so there is one definition of what gets escaped.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
