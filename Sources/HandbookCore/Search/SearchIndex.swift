//! The search index: what the browser needs to find tips as the reader types.

import FoundationEssentials

/// Everything search, "My five" and the tip of the day know about the tips. An inverted index
/// (word → tips) keeps the first download small and a keystroke to a few look-ups; the full
/// text is kept apart, in chunks loaded only for a snippet.
struct SearchIndex: Sendable {
    /// One tip, as search results and "My five" show it.
    struct Entry: Sendable, Equatable {
        var number: Int
        var title: String
        var summary: String
        /// The tip page, relative to the site root.
        var url: String
        /// Positions in `themes`.
        var themes: [Int]
        /// The closing "Try this" action, without its label.
        var tryThis: String
        /// The "How you'll know" line after it, without its label.
        var howYoullKnow: String
        /// Loyalty flywheel step (1–6), 0 when none.
        var flywheelStep: Int
    }

    /// One chapter, for a query that names it ("chapter 5").
    struct ChapterEntry: Sendable, Equatable {
        var number: Int
        var title: String
        /// The chapter page, relative to the site root.
        var url: String
        /// Positions in `tips` of the chapter's tips, ascending.
        var tips: [Int]
    }

    /// The content's language (`handbook.yml`): English words meet in either spelling.
    var language: String
    var themes: [(slug: String, title: String)]
    var chapters: [ChapterEntry]
    var flywheelSteps: [String]
    var tips: [Entry]
    /// Sorted vocabulary; `postings[i]` lists, ascending, the positions of the tips containing `words[i]`.
    var words: [String]
    var postings: [[Int32]]
    /// Words in so many tips that listing them costs more than it helps: the browser takes them as in every tip.
    var common: [String]

    /// Tips per text chunk file.
    static let chunkSize = 50

    /// A word is "common" when it is in more than half of the tips and in at least this many
    /// (only large handbooks have such words, so small ones keep exact matching).
    static let commonFloor = 500

    /// JavaScript's string order (UTF-16 code units), which the browser's bisection relies on.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// `words` sorted by `precedes`. Below U+10000, UTF-16 order is the order of the cheaper UTF-8
    /// bytes; a word beyond it (a lead byte of 0xF0 or more) needs the UTF-16 comparison.
    static func sortedInUTF16Order(_ words: [String]) -> [String] {
        let beyondBMP = words.contains { $0.utf8.contains { $0 >= 0xF0 } }
        guard !beyondBMP else { return words.sorted(by: precedes) }
        let bytes = words.map { Array($0.utf8) }
        return bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }.map { words[$0] }
    }

    func posting(of word: String) -> [Int32]? {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(words[mid], word) { low = mid + 1 } else { high = mid }
        }
        return low < words.count && words[low] == word ? postings[low] : nil
    }
}

/// Builds the `SearchIndex` of a handbook.
enum SearchIndexBuilder {
    static func build(_ handbook: Handbook, content: RenderedContent, onAllCores: Bool = true) -> SearchIndex {
        let themePosition = Dictionary(uniqueKeysWithValues: handbook.themes.enumerated().map { ($1.slug, $0) })
        let count = handbook.tips.count
        // One run of consecutive tips per core, each merging its own words; the runs are then merged in order.
        let runs = max(1, min(count, onAllCores ? ProcessInfo.processInfo.activeProcessorCount : 1))
        let perRun = ConcurrentResults<Run>(count: runs)
        forEachIteration(runs, onAllCores: onAllCores) { run in
            var result = Run()
            for index in (run * count / runs)..<((run + 1) * count / runs) {
                let tip = handbook.tips[index]
                result.entries.append(SearchIndex.Entry(
                    number: tip.number, title: tip.title, summary: tip.summary ?? "", url: SitePaths.tip(slug: tip.slug),
                    themes: tip.themes.compactMap { themePosition[$0] }, tryThis: content.tips[index].tryThis ?? "",
                    howYoullKnow: content.tips[index].howYoullKnow ?? "",
                    flywheelStep: tip.flywheelStep ?? 0))
                // Theme names are matched in the browser from `themes`, so they stay out of the postings.
                result.add(tip.title, position: Int32(index))
                if let summary = tip.summary { result.add(summary, position: Int32(index)) }
                result.add(content.tips[index].plainText, position: Int32(index))
            }
            perRun[run] = result
        }
        let results = perRun.takeValues()

        // Runs are in tip order, so every list stays ascending. Words meet by their hash: two
        // words sharing a 64-bit hash is not a practical concern.
        var ids: [UInt64: Int] = [:]
        var vocabulary: [String] = []
        var lists: [[Int32]] = []
        for run in results {
            for (local, hash) in run.hashes.enumerated() {
                if let id = ids[hash] {
                    lists[id].append(contentsOf: run.lists[local])
                } else {
                    ids[hash] = vocabulary.count
                    vocabulary.append(run.words[local])
                    lists.append(run.lists[local])
                }
            }
        }
        var words: [String] = []
        var postings: [[Int32]] = []
        var common: [String] = []
        // UTF-16 order, as JavaScript's `<` and `sort()` see it: search.js finds prefixes by bisection.
        let position = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        for word in SearchIndex.sortedInUTF16Order(vocabulary) {
            let list = lists[position[word]!]
            if list.count * 2 > count && list.count >= SearchIndex.commonFloor {
                common.append(word)
            } else {
                words.append(word)
                postings.append(list)
            }
        }
        let chapters = handbook.chapters.map { chapter in
            SearchIndex.ChapterEntry(number: chapter.number, title: chapter.title, url: SitePaths.chapter(chapter),
                                     tips: handbook.tipsByChapter[chapter.number] ?? [])
        }
        return SearchIndex(language: handbook.config.language, themes: handbook.themes.map { ($0.slug, $0.title) }, chapters: chapters,
                           flywheelSteps: handbook.config.flywheelSteps,
                           tips: results.flatMap(\.entries), words: words, postings: postings,
                           common: common)
    }

    /// The entries and words of a run of consecutive tips: each word with its hash and the
    /// ascending positions of its tips. A word becomes a `String` only the first time the run meets it.
    private struct Run {
        var entries: [SearchIndex.Entry] = []
        var words: [String] = []
        var hashes: [UInt64] = []
        var lists: [[Int32]] = []
        private var ids: [UInt64: Int] = [:]

        /// Adds the words of `text`, a part of the tip at `position` (tips come in ascending order).
        mutating func add(_ text: String, position: Int32) {
            SearchText.forEachWord(in: text) { bytes, hash in
                if let id = ids[hash] {
                    if lists[id].last != position { lists[id].append(position) }
                } else {
                    ids[hash] = words.count
                    words.append(String(decoding: bytes, as: UTF8.self))
                    hashes.append(hash)
                    lists.append([position])
                }
            }
        }
    }

    /// Puts back the space that the plain text loses between blocks ("asked.Then" → "asked. Then"),
    /// and turns line breaks into spaces, so snippets read as sentences.
    static func readable(_ text: String) -> String {
        String(decoding: readableUTF8(text), as: UTF8.self).trimmingWhitespace()
    }

    /// `readable` before trimming, as UTF-8. Works on the bytes: every byte it looks for is ASCII,
    /// except the curly quotes (E2 80 9C/9D); the runs between them are copied whole.
    private static func readableUTF8(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        var endsSentence = false
        var index = 0
        while index < utf8.count {
            // Outside a sentence's end, bytes that change nothing are copied in one run.
            if !endsSentence, let run = utf8[index...].firstIndex(where: isSpecial), run > index {
                bytes.append(contentsOf: utf8[index..<run])
                index = run
                continue
            } else if !endsSentence, !utf8[index...].contains(where: isSpecial) {
                bytes.append(contentsOf: utf8[index...])
                break
            }
            let byte = utf8[index]
            if endsSentence && ((byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0x9C)) {
                bytes.append(UInt8(ascii: " "))
            }
            index += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                if bytes.last.map({ $0 != UInt8(ascii: " ") }) ?? false { bytes.append(UInt8(ascii: " ")) }
                endsSentence = false
                continue
            }
            bytes.append(byte)
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ")"):
                endsSentence = true
            case 0x9D where index >= 3 && utf8[index - 3] == 0xE2 && utf8[index - 2] == 0x80:
                endsSentence = true  // ” closes a quotation
            default:
                endsSentence = false
            }
        }
        return bytes
    }

    /// Line breaks, tabs, the sentence ends . ! ? : ; ) and the last byte of ”.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ")"), 0x9D: true
        default: false
        }
    }
}
