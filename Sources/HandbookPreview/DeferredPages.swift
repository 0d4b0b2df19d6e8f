//! The pages that list every tip (all tips, the theme pages), which cost more to render than the
//! rest of a one-tip rebuild of a large handbook. An incremental rebuild that changes them renders
//! them right after the reload event rather than before it: the page being edited reloads first,
//! and a request for a list page waits until it is rendered, so nothing old is ever served.

import Foundation
import HandbookCore
import NIOCore

/// List pages of one good build that were not rendered before it was swapped in.
struct DeferredPages: Sendable {
    let paths: Set<String>
    let files: GeneratedFiles

    /// The list pages among `pages`, when the handbook is large enough for them to matter.
    static func split(_ pages: Set<PageKind>, of handbook: Handbook, minimumTips: Int) -> (now: Set<PageKind>, later: Set<PageKind>) {
        guard handbook.tips.count >= minimumTips else { return (pages, []) }
        let later = pages.filter { page in
            switch page {
            case .allTips, .theme: true
            default: false
            }
        }
        return (pages.subtracting(later), later)
    }

    /// `pages`, to be rendered on the first request for one, or once `start` is called.
    init?(_ pages: Set<PageKind>, of prepared: SiteBuilder.Prepared) {
        guard !pages.isEmpty else { return nil }
        let handbook = prepared.handbook
        let paths = Set(pages.map { page -> String in
            if case .theme(let position) = page { return SitePaths.theme(handbook.themes[position].slug) }
            return SitePaths.allTips
        })
        self.paths = paths
        files = GeneratedFiles(covers: { paths.contains($0) }, make: {
            let sink = MemorySink()
            try SiteBuilder.renderPages(prepared, only: pages, searchFiles: false, into: sink)
            return sink.files.filter { paths.contains($0.key) }.mapValues { ByteBuffer(string: $0) }
        })
    }

    /// Renders the pages on a background thread. Called once the reload event is out: rendering
    /// before that would hold up the event on a machine with few cores.
    func start() {
        let files = files
        DispatchQueue.global().async { _ = try? files.all() }
    }

    /// The rendered pages, waiting for them if need be; nil if rendering failed.
    func rendered() -> [String: ByteBuffer]? {
        guard let made = try? files.all(), paths.allSatisfy({ made[$0] != nil }) else { return nil }
        return made
    }
}
