//! The search index: what the browser needs to find tips as the reader types, built once per
//! build from the model and the rendered bodies.

import Foundation

/// Everything search, "My five" and the tip of the day know about the tips.
///
/// Matching uses an inverted index (word → tips) rather than the text itself, so the data the
/// browser loads before the first result stays small, and a keystroke looks up a few words
/// instead of scanning every tip. The full text is kept apart, in chunks loaded only to show a
/// snippet for a tip that matched in its body.
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
        /// Loyalty flywheel step (1–6), 0 when none.
        var flywheelStep: Int
    }

    var themes: [(slug: String, title: String)]
    var flywheelSteps: [String]
    var tips: [Entry]
    /// Sorted vocabulary; `postings[i]` lists, ascending, the positions of the tips containing `words[i]`.
    var words: [String]
    var postings: [[Int32]]
    /// Words found in so many tips that listing them would cost more than it helps; the browser
    /// treats them as present in every tip.
    var common: [String]
    /// Plain text of each tip's body, as rendered, for snippets: made readable (see
    /// `SearchIndexBuilder.readable`) as the text files are written, not kept twice.
    var texts: [String]

    /// Tips per text chunk file.
    static let chunkSize = 50

    /// A word is "common" when it is in more than half of the tips and in at least this many.
    /// Only large handbooks have such words, so small ones keep exact matching.
    static let commonFloor = 500

    /// JavaScript's string order (UTF-16 code units), which the browser's bisection relies on.
    ///
    /// For text without characters beyond U+FFFF, UTF-16 order is code point order, which is the
    /// order of the UTF-8 bytes: those are compared directly, much faster than UTF-16 views.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let bytewise: Bool? = a.withUTF8 { left in
            b.withUTF8 { right in
                // A lead byte of 0xF0 or more starts a character beyond U+FFFF (a surrogate pair).
                if left.contains(where: { $0 >= 0xF0 }) || right.contains(where: { $0 >= 0xF0 }) { return nil }
                let common = min(left.count, right.count)
                guard common > 0 else { return left.count < right.count }
                let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        return bytewise ?? a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// The positions of `words` in UTF-16 order. The words' UTF-8 bytes are copied once into one
    /// buffer and compared there; when no word has a character beyond U+FFFF (nearly always),
    /// byte order is UTF-16 order.
    static func utf16Order(of words: [String]) -> [Int] {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(words.count)
        var beyondBMP = false
        for var word in words {
            word.withUTF8 { utf8 in
                if utf8.contains(where: { $0 >= 0xF0 }) { beyondBMP = true }
                bytes.append(contentsOf: utf8)
            }
            ends.append(bytes.count)
        }
        if beyondBMP || bytes.isEmpty {
            return words.indices.sorted { precedes(words[$0], words[$1]) }
        }
        return bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                let base = bytes.baseAddress!
                return words.indices.sorted { left, right in
                    let leftStart = left == 0 ? 0 : ends[left - 1], rightStart = right == 0 ? 0 : ends[right - 1]
                    let leftCount = ends[left] - leftStart, rightCount = ends[right] - rightStart
                    let common = min(leftCount, rightCount)
                    let order = common == 0 ? 0 : memcmp(base + leftStart, base + rightStart, common)
                    return order != 0 ? order < 0 : leftCount < rightCount
                }
            }
        }
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
    /// `onAllCores: false` builds it on the calling thread (see `forEachIteration`).
    static func build(_ handbook: Handbook, content: RenderedContent, onAllCores: Bool = true) -> SearchIndex {
        let themePosition = Dictionary(uniqueKeysWithValues: handbook.themes.enumerated().map { ($1.slug, $0) })
        let count = handbook.tips.count
        // Tips are collected in runs of consecutive tips, each run merging its own words as it
        // goes; the runs are then merged in order. A large handbook thus never holds every tip's
        // word list at once, and most of the merging happens on all cores (when asked for), with
        // at least one run per core.
        let cores = onAllCores ? ProcessInfo.processInfo.activeProcessorCount : 1
        let runs = min(count, max(cores, count / 128))
        let perRun = ConcurrentResults<Run>(count: runs)
        forEachIteration(runs, onAllCores: onAllCores) { run in
            var result = Run()
            for index in (run * count / runs)..<((run + 1) * count / runs) {
                let tip = handbook.tips[index]
                let plainText = content.tips[index].plainText
                result.entries.append(SearchIndex.Entry(
                    number: tip.number, title: tip.title, summary: tip.summary ?? "", url: SitePaths.tip(slug: tip.slug),
                    themes: tip.themes.compactMap { themePosition[$0] }, tryThis: content.tips[index].tryThis ?? "",
                    flywheelStep: tip.flywheelStep ?? 0))
                // Theme names are matched in the browser from `themes`, so they stay out of the postings.
                result.add(tip.title, position: Int32(index))
                if let summary = tip.summary { result.add(summary, position: Int32(index)) }
                result.add(plainText, position: Int32(index))
                result.texts.append(plainText)
            }
            perRun[run] = result
        }
        let results = perRun.takeValues()

        // Merge on the hashes the scanner computed: cheaper than hashing each word again.
        // Runs are in tip order, so every list stays ascending and first appearances keep their order.
        var vocabulary: [String] = []
        var lists: [[Int32]] = []
        if results.count == 1 {
            // A single run (a small handbook, made on one thread) is already merged.
            vocabulary = results[0].words
            lists = results[0].lists()
        } else {
            let ids = HashSlots(capacity: results.first.map { $0.words.count * 4 } ?? 16)
            for run in results {
                let runLists = run.lists()
                for (local, hash) in run.hashes.enumerated() {
                    if let id = ids.insert(hash, value: Int32(vocabulary.count)) {
                        lists[Int(id)].append(contentsOf: runLists[local])
                    } else {
                        vocabulary.append(run.words[local])
                        lists.append(runLists[local])
                    }
                }
            }
        }
        var words: [String] = []
        var postings: [[Int32]] = []
        var common: [String] = []
        // UTF-16 order, as JavaScript's `<` and `sort()` see it: search.js finds prefixes by bisection.
        for id in SearchIndex.utf16Order(of: vocabulary) {
            if lists[id].count * 2 > count && lists[id].count >= SearchIndex.commonFloor {
                common.append(vocabulary[id])
            } else {
                words.append(vocabulary[id])
                postings.append(lists[id])
            }
        }
        return SearchIndex(themes: handbook.themes.map { ($0.slug, $0.title) },
                           flywheelSteps: handbook.config.flywheelSteps,
                           tips: results.flatMap(\.entries), words: words, postings: postings,
                           common: common, texts: results.flatMap(\.texts))
    }

    /// The entries, texts and merged words of a run of consecutive tips.
    ///
    /// Each word is looked up as it is scanned, by its 64-bit FNV-1a hash (made by the scanner as
    /// it reads the word, `SearchText.wordHash`), in an open-addressing table: two different words
    /// sharing a 64-bit hash is not a practical concern. A word becomes a `String` only the first
    /// time the run meets it. The table also keeps the last tip each word was seen in, so a repeat
    /// within a tip costs one table lookup; each first mention in a tip is noted in one flat list
    /// (`mentions`), turned into the per-word lists once, at the end (`lists()`).
    private struct Run {
        var entries: [SearchIndex.Entry] = []
        var texts: [String] = []
        /// Words in order of first appearance, and their hashes.
        var words: [String] = []
        var hashes: [UInt64] = []
        /// The ids of the words of each tip, each once per tip, tip after tip...
        private var mentions: [Int32] = []
        /// ...and where each tip's part of `mentions` ends, with the tip's position.
        private var tipEnds: [(position: Int32, end: Int)] = []
        private let ids = HashSlots(capacity: 4096)

        /// Adds the words of `text`, a part of the tip at `position` (tips come in ascending order).
        mutating func add(_ text: String, position: Int32) {
            // The lists are moved into locals for the scan and back after it: the closure then
            // appends to uniquely held arrays instead of reaching them through `self`.
            var mentions = mentions
            self.mentions = []
            var words = words, hashes = hashes
            self.words = []
            self.hashes = []
            // The table is used unretained: it lives as long as the run, and a retain and release
            // around every word's lookup cost a tenth of the search index's time.
            let table = Unmanaged.passUnretained(ids)
            SearchText.forEachWord(in: text) { bytes, hash in
                let visit = table._withUnsafeGuaranteedRef { $0.visit(hash, newValue: Int32(words.count), mark: position) }
                switch visit {
                case .known:
                    break
                case .firstForMark(let id):
                    mentions.append(id)
                case .new(let id):
                    words.append(String(decoding: bytes, as: UTF8.self))
                    hashes.append(hash)
                    mentions.append(id)
                }
            }
            if tipEnds.last?.position == position {
                tipEnds[tipEnds.count - 1].end = mentions.count
            } else {
                tipEnds.append((position, mentions.count))
            }
            self.mentions = mentions
            self.words = words
            self.hashes = hashes
        }

        /// For each word (by id), the ascending positions of the tips that have it.
        func lists() -> [[Int32]] {
            var counts = [Int](repeating: 0, count: words.count)
            for id in mentions { counts[Int(id)] += 1 }
            var lists = counts.map { count -> [Int32] in
                var list: [Int32] = []
                list.reserveCapacity(count)
                return list
            }
            var start = 0
            for (position, end) in tipEnds {
                for index in start..<end { lists[Int(mentions[index])].append(position) }
                start = end
            }
            return lists
        }
    }

    /// Puts back the space that the plain text loses between blocks ("asked.Then" → "asked. Then"),
    /// and turns line breaks into spaces, so snippets read as sentences.
    static func readable(_ text: String) -> String {
        withReadable(text) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of `readable(text)`, valid only during the call, so a
    /// snippet file can escape them straight into its own bytes without making a `String`.
    /// Works on UTF-8 bytes: every byte it looks for is ASCII, except the curly quotes (E2 80 9C/9D).
    static func withReadable<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8 { utf8 in
            // A space is added only after a sentence's end, so at most one per two bytes.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + utf8.count / 2 + 2) { bytes in
                inertBytes.withUnsafeBufferPointer { inert in
                    let written = makeReadable(utf8, into: bytes, inert: inert)
                    // Trim ASCII whitespace here; only text that then starts or ends with another
                    // character (which may be a Unicode space) takes the general, slower trim.
                    var start = 0, end = written
                    while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
                    while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
                    let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
                        var unicodeTrimmed = String(decoding: trimmed, as: UTF8.self).trimmingWhitespace()
                        return unicodeTrimmed.withUTF8(body)
                    }
                    return body(trimmed)
                }
            }
        }
    }

    /// The readable bytes of `utf8`, untrimmed, written to `bytes`; returns how many.
    private static func makeReadable(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutableBufferPointer<UInt8>,
                                     inert: UnsafeBufferPointer<Bool>) -> Int {
        var written = 0
        var endsSentence = false
        var lastWasSpace = true
        var index = 0
        while index < utf8.count {
            // Outside a sentence's end, bytes that change nothing but the output are
            // copied in one run (nearly all of them).
            if !endsSentence {
                var end = index
                while end < utf8.count && inert[Int(utf8[end])] { end += 1 }
                if end > index {
                    UnsafeMutableRawPointer(bytes.baseAddress! + written)
                        .copyMemory(from: utf8.baseAddress! + index, byteCount: end - index)
                    written += end - index
                    lastWasSpace = utf8[end - 1] == UInt8(ascii: " ")
                    index = end
                    continue
                }
            }
            let byte = utf8[index]
            if endsSentence && ((byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0x9C)) {
                bytes[written] = UInt8(ascii: " ")
                written += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                if !lastWasSpace {
                    bytes[written] = UInt8(ascii: " ")
                    written += 1
                }
                lastWasSpace = true
                endsSentence = false
                index += 1
                continue
            }
            bytes[written] = byte
            written += 1
            lastWasSpace = byte == UInt8(ascii: " ")
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                 UInt8(ascii: ")"):
                endsSentence = true
            case 0x9D where index >= 2 && utf8[index - 2] == 0xE2 && utf8[index - 1] == 0x80:
                endsSentence = true  // ” closes a quotation
            default:
                endsSentence = false
            }
            index += 1
        }
        return written
    }

    /// Bytes that `readable` copies as they are when no sentence has just ended: all but line
    /// breaks and tabs, the sentence ends (. ! ? : ; and ")") and the last byte of ” (9D).
    private static let inertBytes: [Bool] = (0..<256).map { byte in
        !"\n\t\r.!?:;)".utf8.contains(UInt8(byte)) && byte != 0x9D
    }

    /// Space, tab, LF, VT, FF, CR: the ASCII characters that `Character.isWhitespace` accepts.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
