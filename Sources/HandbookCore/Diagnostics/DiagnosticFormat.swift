//! Diagnostics in the forms CI systems show beside the changed line: GitHub's workflow commands,
//! GitLab's code-quality report, and plain JSON for any other tool.

import FoundationEssentials

public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message`, as the terminal shows it.
    case text
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    case github
    /// GitLab's code-quality report (a JSON array), for `artifacts:reports:codequality`.
    case gitlab
    /// A JSON array of objects with file, line, column, severity, message and hint.
    case json

    /// The whole report for `diagnostics`, ending with a newline (empty text when there are none,
    /// `[]` for the JSON forms).
    public func report(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: return diagnostics.map { $0.description + "\n" }.joined()
        case .github: return diagnostics.map { Self.githubLine($0) + "\n" }.joined()
        case .gitlab: return Self.jsonText(diagnostics.map(Self.gitlabIssue))
        case .json: return Self.jsonText(diagnostics.map(Self.plainObject))
        }
    }

    // MARK: - GitHub

    /// One workflow command; the hint follows the message on a line of its own.
    static func githubLine(_ diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + githubProperty(location.file))
            if location.line > 0 { properties.append("line=\(location.line)") }
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: " + hint }
        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + githubData(message)
    }

    /// GitHub's escaping of a command's message: `%`, CR and LF.
    private static func githubData(_ text: String) -> String {
        text.replacingScalars("%", with: "%25")
            .replacingScalars("\r", with: "%0D")
            .replacingScalars("\n", with: "%0A")
    }

    /// A property value also escapes the `:` and `,` that would end it.
    private static func githubProperty(_ text: String) -> String {
        githubData(text).replacingScalars(":", with: "%3A").replacingScalars(",", with: "%2C")
    }

    // MARK: - GitLab

    /// One code-quality issue. GitLab needs a path for every issue: a problem with no file (a
    /// missing folder) is reported on the current folder.
    struct GitLabIssue: Encodable {
        struct Location: Encodable {
            struct Lines: Encodable { var begin: Int }
            var path: String
            var lines: Lines
        }

        var description: String
        var checkName: String
        var severity: String
        var fingerprint: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case description, checkName = "check_name", severity, fingerprint, location
        }
    }

    static func gitlabIssue(_ diagnostic: Diagnostic) -> GitLabIssue {
        let path = diagnostic.location?.file ?? "."
        let line = max(diagnostic.location?.line ?? 1, 1)
        var description = diagnostic.message
        if let hint = diagnostic.hint { description += " (hint: \(hint))" }
        return GitLabIssue(description: description, checkName: "handbook-" + diagnostic.severity.rawValue,
                           severity: diagnostic.severity == .error ? "critical" : "minor",
                           fingerprint: fingerprint("\(path):\(line):\(diagnostic.location?.column ?? 0):\(diagnostic.message)"),
                           location: .init(path: path, lines: .init(begin: line)))
    }

    /// FNV-1a, 64 bits, in hex: the same problem gets the same fingerprint in every run, which
    /// is what GitLab compares between a merge request and its target branch.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - JSON

    /// One problem for any tool; a missing file, line, column or hint is `null`, not left out.
    struct PlainObject: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var hint: String?

        enum CodingKeys: CodingKey { case file, line, column, severity, message, hint }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }
    }

    static func plainObject(_ diagnostic: Diagnostic) -> PlainObject {
        PlainObject(file: diagnostic.location?.file,
                    line: diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil },
                    column: diagnostic.location.flatMap { $0.column > 0 ? $0.column : nil },
                    severity: diagnostic.severity.rawValue, message: diagnostic.message, hint: diagnostic.hint)
    }

    private static func jsonText(_ objects: [some Encodable]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !objects.isEmpty, let data = try? encoder.encode(objects) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
