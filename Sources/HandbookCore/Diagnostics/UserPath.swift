//! A file or folder as the user named it, so that messages show the path as it was typed.

import FoundationEssentials

/// Where a file or folder is, and how messages name it: the path as the user typed it (`content`,
/// `../site`), not the absolute one. The two travel together, as one value.
public struct UserPath: Sendable, Hashable, CustomStringConvertible {
    /// The path to open (absolute, or relative to the current folder).
    public let path: String
    /// The path as messages show it.
    public let shown: String

    /// A path typed by the user, relative to the current folder or absolute.
    public init(_ typed: String) {
        self.init(path: typed, shown: typed)
    }

    public init(path: String, shown: String) {
        self.path = path
        self.shown = shown
    }

    public init(url: URL, shown: String) {
        self.init(path: url.path, shown: shown)
    }

    public var url: URL { URL(fileURLWithPath: path) }

    public var description: String { shown }

    /// A file or folder inside this one, named in both forms.
    public func appending(_ relative: String) -> UserPath {
        UserPath(path: (path.hasSuffix("/") ? path : path + "/") + relative,
                 shown: (shown.hasSuffix("/") ? shown : shown + "/") + relative)
    }

    /// The folder part of a path as written ("content/nl" of "content/nl/handbook.yml"), empty
    /// for a bare name; the path stays relative if it was.
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
