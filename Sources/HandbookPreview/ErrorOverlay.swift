//! The panel laid over every preview page while the content has errors.

import HandbookCore

/// Lists the problems of the failed build, compiler-style, over the last good page. Everything
/// from the content (messages quote titles, links and YAML) is HTML-escaped.
public enum ErrorOverlay {
    public static let elementID = "handbook-preview-errors"

    public static func html(for diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var heading = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { heading += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"\(diagnostic.severity.rawValue)\">"
            if let location = diagnostic.location { items += "<code>\(escape(place(location)))</code> " }
            items += "<strong>\(diagnostic.severity.rawValue):</strong> \(escape(diagnostic.message))"
            if let hint = diagnostic.hint { items += "<div class=\"hint\">hint: \(escape(hint))</div>" }
            items += "</li>\n"
        }
        return """
        <div id="\(elementID)" role="alert" aria-live="assertive">
        <style>
        #\(elementID){position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;padding:2rem;\
        background:#18181c;color:#f2f2f2;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left}
        #\(elementID) h2{margin:0 0 .25rem;font:700 1.3rem/1.3 system-ui,sans-serif;color:#ff7b72}
        #\(elementID) p{margin:0 0 1rem;font-family:system-ui,sans-serif;color:#c9c9c9}
        #\(elementID) ol{margin:0;padding-left:1.5rem}
        #\(elementID) li{margin:0 0 .9rem;white-space:pre-wrap;overflow-wrap:anywhere}
        #\(elementID) code{color:#79c0ff;font:inherit}
        #\(elementID) li.error strong{color:#ff7b72}
        #\(elementID) li.warning strong{color:#e3b341}
        #\(elementID) .hint{color:#a5d6a7;padding-left:2ch}
        #\(elementID) button{position:absolute;top:1rem;right:1rem;font:inherit;padding:.2rem .7rem;cursor:pointer}
        </style>
        <button type="button" onclick="this.parentNode.remove()">Hide</button>
        <h2>The handbook has \(heading)</h2>
        <p>This is the last good build. Fix the files and this page reloads by itself.</p>
        <ol>
        \(items)</ol>
        </div>
        """
    }

    /// `content/tips/012-listen.md:4:10`, as in the terminal.
    static func place(_ location: SourceLocation) -> String {
        var text = location.file
        if location.line > 0 { text += ":\(location.line)" }
        if location.line > 0 && location.column > 0 { text += ":\(location.column)" }
        return text
    }

    static func escape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
