//! Turns a request path into the path of a file inside the built site, or refuses it.

import HandbookCore

/// What a request path names.
public enum ResolvedPath: Equatable, Sendable {
    /// A path inside the site, relative to its root ("index.html", "tips/012-listen.html").
    case file(String)
    /// A path that tries to leave the site or hide what it names.
    case refused(String)
}

/// The site is served from memory, so no request reaches the disk; a traversal is still refused
/// (400) rather than looked up, so the rules hold if the site ever moves back to disk.
public enum SafePathResolver {
    /// Resolves the raw (still percent-encoded) path of a request target, without its query; a
    /// path ending in `/` names that folder's `index.html`.
    public static func resolve(_ rawPath: String) -> ResolvedPath {
        guard rawPath.hasPrefix("/") else { return .refused("not an absolute path") }
        guard let decoded = PercentEncoding.decode(rawPath.dropFirst()) else { return .refused("malformed percent-escape") }
        if decoded.contains("%") { return .refused("percent sign after decoding (double encoding)") }
        if decoded.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
            return .refused("backslash or control character")
        }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let wantsIndex = segments.last?.isEmpty ?? true
        if wantsIndex { segments.removeLast() }
        for segment in segments {
            if segment.isEmpty { return .refused("empty path segment") }
            if segment.hasPrefix(".") { return .refused("dot segment or hidden file") }
            if segment.contains(":") { return .refused("colon in path") }
        }
        if wantsIndex { segments.append("index.html") }
        return .file(segments.joined(separator: "/"))
    }
}
