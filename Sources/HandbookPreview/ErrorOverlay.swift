//! The panel laid over every preview page while the content has errors.

import HandbookCore

/// The failed build's problems, compiler-style, at the foot of the last good page. Diagnostics
/// carry no "caused by" link, so follow-on errors are folded by file under a `<details>`.
public enum ErrorOverlay {
    public static let elementID = "handbook-preview-errors"
    /// Browser/error-overlay.css, which names `elementID`.
    private static let style = EmbeddedBrowserFiles.text("error-overlay.css")
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
        return """
        <div id="\(elementID)" role="alert" aria-live="assertive">
        <style>
        \(style)</style>
        <div class="bar"><h2>The handbook has \(heading)</h2>\
        <button type="button" onclick="this.closest('#\(elementID)').remove()">Hide</button></div>
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
