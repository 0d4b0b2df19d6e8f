//! Planning after some tips changed (`ChangedTips`): only the pages that can show something of
//! those tips are fingerprinted again; every other page keeps its print from the previous build.

import Foundation

extension RebuildPlanner {
    /// Plans the rebuild of `changes.prepared` against the previous build's fingerprints, which
    /// must be those of the build the changes were made to (with the same templates). They are
    /// consumed: patched in place into the new build's, when the caller gives up its copy.
    public static func plan(_ changes: ChangedTips, since old: consuming PageFingerprints) -> (RebuildPlan, PageFingerprints) {
        let new = changes.prepared
        let handbook = new.handbook
        // A tip moved to another chapter changes tip counts that chapters, their neighbours and
        // their tips show: rare enough to fingerprint every page.
        guard old.tipSummaries.count == handbook.tips.count,
              changes.oldTips.allSatisfy({ $0.value.chapter == handbook.tips[$0.key].chapter }) else {
            return plan(new, since: old)
        }
        var summaries = old.tipSummaries
        for position in changes.oldTips.keys { summaries[position] = PageInputs.summary(of: handbook.tips[position]) }
        let inputs = PageInputs(new, tipSummaries: summaries)
        var fingerprints = old
        let pages = Array(candidates(changes, old: fingerprints, chapterPositions: inputs.chapterPositions))
        let paths = pages.map { $0.path(in: handbook) }
        let prints = ConcurrentResults<PagePrint>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            prints[index] = inputs.print(of: pages[index])
        }
        var changed = Set<PageKind>()
        for (index, print) in prints.takeValues().enumerated() where fingerprints.byPath.updateValue(print, forKey: paths[index]) != print {
            changed.insert(pages[index])
        }
        fingerprints.tipSummaries = summaries
        for (position, tip) in changes.oldTips where tip.related != handbook.tips[position].related {
            for number in tip.related { fingerprints.relatedBy[number]?.removeAll { $0 == position } }
            for number in handbook.tips[position].related { fingerprints.relatedBy[number, default: []].append(position) }
        }
        return (RebuildPlan(pages: changed, removedPaths: [], allPaths: fingerprints.paths), fingerprints)
    }

    /// Every page whose inputs can hold something of a changed tip: its own page and its
    /// neighbours', the pages that list it as related or link to it or that it links to, its
    /// chapter's, and the pages that list every tip or count them (home, all tips, the themes).
    private static func candidates(_ changes: ChangedTips, old: PageFingerprints, chapterPositions: [Int: Int]) -> Set<PageKind> {
        let handbook = changes.prepared.handbook
        var pages: Set<PageKind> = [.home, .allTips, .search, .myFive, .notFound]
        pages.formUnion(handbook.themes.indices.map(PageKind.theme))
        for position in changes.oldTips.keys {
            let tip = handbook.tips[position]
            for neighbour in position - 1...position + 1 where handbook.tips.indices.contains(neighbour) {
                pages.insert(.tip(neighbour))
            }
            for listing in old.relatedBy[tip.number] ?? [] { pages.insert(.tip(listing)) }
            if let chapter = chapterPositions[tip.chapter] { pages.insert(.chapter(chapter)) }
        }
        for position in changes.rerendered {
            pages.insert(.tip(position))
            let linked = (changes.oldReferences[position] ?? []) + changes.prepared.content.tips[position].tipReferences
            for number in linked {
                if let target = handbook.tipPosition(number: number) { pages.insert(.tip(target)) }
            }
        }
        return pages
    }
}
