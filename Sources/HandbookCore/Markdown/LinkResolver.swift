//! Reads a link's URL: handbook references (`tip:12`, `chapter:3`, `theme:empathy`, `../tips/x.md`),
//! external URLs, and URLs that must not reach a page (`javascript:` and friends).

import FoundationEssentials

/// Classifies link URLs against the handbook. Knows nothing about output paths.
struct LinkResolver: Sendable {
    enum Resolution: Equatable {
        case handbook(LinkTarget, fragment: String?)
        /// Leave as written: external URLs, same-page anchors, other relative files.
        case unchanged
        /// A URL scheme that can run code or read local files; the link is neutralised.
        case dangerous(scheme: String)
        case broken(message: String, hint: String?)
    }

    let handbook: Handbook
    /// Content file path (as shown in messages, normalised) → what it is.
    let targetsByPath: LinkTargetTable

    init(handbook: Handbook) {
        self.handbook = handbook
        targetsByPath = LinkTargetTable(handbook: handbook)
    }

    func resolve(_ url: String, from sourceFile: String) -> Resolution {
        let (address, fragment) = Self.splitFragment(url.trimmingWhitespace())
        if let colon = address.firstIndex(of: ":"), Self.isScheme(address[..<colon]) {
            let scheme = address[..<colon].lowercased()
            let value = String(address[address.index(after: colon)...])
            switch scheme {
            case "tip": return tip(value, fragment: fragment)
            case "chapter": return chapter(value, fragment: fragment)
            case "theme": return theme(value, fragment: fragment)
            case "javascript", "vbscript", "file":
                return .dangerous(scheme: scheme)
            case "data":
                let lowered = value.lowercased()
                let image = ["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lowered.hasPrefix($0) }
                return image ? .unchanged : .dangerous(scheme: scheme)
            default:
                return .unchanged
            }
        }
        guard ContentLoader.isMarkdownName(address), !address.hasPrefix("/") else { return .unchanged }
        let base = UserPath.folder(of: sourceFile)
        let path = Self.normalise(base + "/" + (PercentEncoding.decode(address) ?? address))
        if let target = targetsByPath[path] { return .handbook(target, fragment: fragment) }
        return .broken(message: "link to '\(address)', which is not a tip or chapter of this handbook",
                       hint: "check the file name, or link with tip:N / chapter:N")
    }

    // MARK: - Schemes

    private func tip(_ value: String, fragment: String?) -> Resolution {
        guard let number = Int(value) else {
            return .broken(message: "'tip:\(value)' is not a tip number", hint: "write it as tip:12")
        }
        guard handbook.tipPosition(number: number) != nil else {
            if handbook.leftOutDrafts.contains(number) {
                return .broken(message: "link to tip \(number), a draft left out of this build",
                               hint: "publish tip \(number), build with --drafts, or remove the link")
            }
            let range = handbook.tips.isEmpty ? "there are no tips" :
                "tips are numbered \(handbook.tips.first!.number) to \(handbook.tips.last!.number)"
            return .broken(message: "link to tip \(number), which does not exist", hint: range)
        }
        return .handbook(.tip(number), fragment: fragment)
    }

    private func chapter(_ value: String, fragment: String?) -> Resolution {
        guard let number = Int(value), handbook.chapter(number: number) != nil else {
            let known = handbook.chapters.map { String($0.number) }.joined(separator: ", ")
            return .broken(message: "link to chapter '\(value)', which does not exist", hint: "chapters are \(known)")
        }
        return .handbook(.chapter(number), fragment: fragment)
    }

    private func theme(_ value: String, fragment: String?) -> Resolution {
        guard handbook.theme(slug: value) != nil else {
            let slugs = handbook.themes.map(\.slug)
            return .broken(message: "link to theme '\(value)', which is not declared",
                           hint: Suggestion.didYouMean(value, in: slugs) ?? "themes are \(slugs.joined(separator: ", "))")
        }
        return .handbook(.theme(value), fragment: fragment)
    }

    // MARK: - Helpers

    private static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        let fragment = String(url[url.index(after: hash)...])
        return (String(url[..<hash]), fragment.isEmpty ? nil : fragment)
    }

    /// RFC 3986: a letter, then letters, digits, '+', '-' or '.'.
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first.isASCIILetter else { return false }
        return text.utf8.allSatisfy { $0.isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.".utf8.contains($0) }
    }

    /// Resolves `.` and `..` without touching the disk; an absolute path only loses its first slash.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

private extension UInt8 {
    var isASCIILetter: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20) }
}
