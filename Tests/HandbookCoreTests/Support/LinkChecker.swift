//! Finds relative href/src values in a built site that do not lead to a file.

import Foundation

enum LinkChecker {
    /// "page.html -> target" for every relative link whose file is missing.
    static func brokenLinks(in site: URL) -> [String] {
        var broken: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".html"), relative != "404.html" else { continue }
            let html = (try? String(contentsOf: site.appendingPathComponent(relative), encoding: .utf8)) ?? ""
            let folder = site.appendingPathComponent(relative).deletingLastPathComponent()
            for target in links(in: html) {
                let path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                let clean = path.split(separator: "?").first.map(String.init) ?? path
                if clean.isEmpty { continue }
                let file = folder.appendingPathComponent(clean.removingPercentEncoding ?? clean).standardizedFileURL
                if !FileManager.default.fileExists(atPath: file.path) { broken.append("\(relative) -> \(target)") }
            }
        }
        return broken
    }

    private static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }.filter { !$0.contains(":") && !$0.hasPrefix("//") }
    }
}
