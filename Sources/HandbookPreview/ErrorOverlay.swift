//! The panel laid over every preview page while the content has errors.

import HandbookCore

/// The failed build's problems, compiler-style, at the foot of the last good page. Diagnostics
/// carry no "caused by" link, so follow-on errors are folded by file under a `<details>`.
public enum ErrorOverlay {
    public static let elementID = "handbook-preview-errors"
    /// Longer source lines are cut to this many characters around the column.
    static let lineWindow = 120

    public static func html(for diagnostics: [Diagnostic], lines: [SourceLocation: String] = [:]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var heading = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { heading += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        var items = ""
        for group in byFile(diagnostics) {
            items += "<li class=\"\(group[0].severity.rawValue)\">" + item(group[0], lines: lines)
            if group.count > 1 {
                let more = group.count - 1
                items += "<details><summary>\(more) more in this file</summary><ol>"
                for diagnostic in group.dropFirst() {
                    items += "<li class=\"\(diagnostic.severity.rawValue)\">" + item(diagnostic, lines: lines) + "</li>"
                }
                items += "</ol></details>"
            }
            items += "</li>\n"
        }
        let id = elementID
        return """
        <div id="\(id)" role="alert" aria-live="assertive">
        <style>
        #\(id){position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:45vh;overflow:auto;box-sizing:border-box;\
        padding:.75rem 1rem 1rem;background:rgba(20,20,24,.88);-webkit-backdrop-filter:blur(6px);backdrop-filter:blur(6px);\
        border-top:3px solid #ff7b72;box-shadow:0 -4px 16px rgba(0,0,0,.3);color:#f2f2f2;\
        font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left}
        #\(id) .bar{display:flex;gap:1rem;align-items:flex-start;justify-content:space-between}
        #\(id) h2{margin:0;font:700 1.1rem/1.3 system-ui,sans-serif;color:#ff7b72}
        #\(id) p{margin:.1rem 0 .6rem;font-family:system-ui,sans-serif;color:#d0d0d0}
        #\(id) ol{margin:0;padding-left:1.5rem}
        #\(id) li{margin:0 0 .7rem;overflow-wrap:anywhere}
        #\(id) code{color:#79c0ff;font:inherit}
        #\(id) li.error>strong{color:#ff7b72}
        #\(id) li.warning>strong{color:#e3b341}
        #\(id) .hint{color:#a5d6a7;padding-left:2ch}
        #\(id) pre{margin:.3rem 0 0;padding:.3rem .6rem;overflow-x:auto;background:rgba(0,0,0,.45);border-radius:4px;\
        font:inherit;white-space:pre;color:#f2f2f2}
        #\(id) pre .ln{color:#8b949e;user-select:none}
        #\(id) pre .mark{color:#ff7b72;font-weight:700}
        #\(id) details{margin-top:.4rem}
        #\(id) summary{cursor:pointer;color:#c9c9c9;font-family:system-ui,sans-serif}
        #\(id) details ol{margin-top:.5rem}
        #\(id) button{flex:none;font:600 14px/1 system-ui,sans-serif;padding:.4rem .8rem;cursor:pointer;\
        background:#f2f2f2;color:#18181c;border:0;border-radius:4px}
        </style>
        <div class="bar"><h2>The handbook has \(heading)</h2>\
        <button type="button" onclick="this.closest('#\(id)').remove()">Hide</button></div>
        <p>The page above is the last good build. Fix the files and it reloads by itself.</p>
        <ol>
        \(items)</ol>
        </div>
        """
    }

    /// The problems in their order, gathered by file (a file's group sits where its first problem was).
    static func byFile(_ diagnostics: [Diagnostic]) -> [[Diagnostic]] {
        var groups: [[Diagnostic]] = []
        var index: [String: Int] = [:]
        for diagnostic in diagnostics {
            guard let file = diagnostic.location?.file else {
                groups.append([diagnostic])
                continue
            }
            if let at = index[file] { groups[at].append(diagnostic) } else {
                index[file] = groups.count
                groups.append([diagnostic])
            }
        }
        return groups
    }

    static func item(_ diagnostic: Diagnostic, lines: [SourceLocation: String]) -> String {
        var html = ""
        if let location = diagnostic.location { html += "<code>\(HTMLEscape.escape(place(location)))</code> " }
        html += "<strong>\(diagnostic.severity.rawValue):</strong> \(HTMLEscape.escape(diagnostic.message))"
        if let hint = diagnostic.hint { html += "<div class=\"hint\">hint: \(HTMLEscape.escape(hint))</div>" }
        if let location = diagnostic.location,
           let line = lines[SourceLocation(file: location.file, line: location.line)] {
            html += quote(line, number: location.line, column: location.column)
        }
        return html
    }

    /// ` 12 | text of the line` and a `^` under the column, as a compiler prints it.
    static func quote(_ line: String, number: Int, column: Int) -> String {
        var characters = Array(line)
        var column = column
        var (cutStart, cutEnd) = (false, false)
        if characters.count > lineWindow {
            let start = max(0, min(column - 1 - lineWindow / 2, characters.count - lineWindow))
            cutStart = start > 0
            cutEnd = start + lineWindow < characters.count
            characters = Array(characters[start..<start + lineWindow])
            if column > 0 { column -= start - (cutStart ? 1 : 0) }
            if cutStart { characters.insert("…", at: 0) }
            if cutEnd { characters.append("…") }
        }
        let gutter = "\(number) | "
        var html = "<pre><span class=\"ln\">\(gutter)</span>\(HTMLEscape.escape(String(characters)))"
        if column > 0 {
            // Tabs stay tabs, so the marker lines up under the same character.
            let lead = characters.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            html += "\n<span class=\"ln\">\(String(repeating: " ", count: gutter.count - 2))| </span>"
                + "\(lead)<span class=\"mark\">^</span>"
        }
        return html + "</pre>"
    }

    /// `content/tips/012-listen.md:4:10`, as in the terminal.
    static func place(_ location: SourceLocation) -> String {
        var text = location.file
        if location.line > 0 { text += ":\(location.line)" }
        if location.line > 0 && location.column > 0 { text += ":\(location.column)" }
        return text
    }
}
