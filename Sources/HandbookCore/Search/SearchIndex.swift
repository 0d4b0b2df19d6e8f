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
    /// Plain text of each tip's body, for snippets.
    var texts: [String]

    /// Tips per text chunk file.
    static let chunkSize = 50

    /// A word is "common" when it is in more than half of the tips and in at least this many.
    /// Only large handbooks have such words, so small ones keep exact matching.
    static let commonFloor = 500

    func posting(of word: String) -> [Int32]? {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid] < word { low = mid + 1 } else { high = mid }
        }
        return low < words.count && words[low] == word ? postings[low] : nil
    }
}

/// Builds the `SearchIndex` of a handbook.
enum SearchIndexBuilder {
    static func build(_ handbook: Handbook, content: RenderedContent) -> SearchIndex {
        let themePosition = Dictionary(uniqueKeysWithValues: handbook.themes.enumerated().map { ($1.slug, $0) })
        let count = handbook.tips.count
        let perTip = ConcurrentResults<(SearchIndex.Entry, [String], String)>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let tip = handbook.tips[index]
            let rendered = content.tips[index]
            let themes = tip.themes.compactMap { themePosition[$0] }
            let entry = SearchIndex.Entry(
                number: tip.number, title: tip.title, summary: tip.summary ?? "", url: SitePaths.tip(tip),
                themes: themes, tryThis: rendered.tryThis ?? "", flywheelStep: tip.flywheelStep ?? 0)
            var seen = Set<String>()
            var words: [String] = []
            // Theme names are matched in the browser from `themes`, so they stay out of the postings.
            for text in [tip.title, tip.summary ?? "", rendered.plainText] {
                SearchText.uniqueWords(in: text, into: &seen, order: &words)
            }
            perTip[index] = (entry, words, readable(rendered.plainText))
        }
        let results = perTip.values

        var postingsByWord: [String: [Int32]] = [:]
        postingsByWord.reserveCapacity(count * 8)
        for (position, result) in results.enumerated() {
            for word in result.1 { postingsByWord[word, default: []].append(Int32(position)) }
        }
        var words: [String] = []
        var postings: [[Int32]] = []
        var common: [String] = []
        for word in postingsByWord.keys.sorted() {
            let list = postingsByWord[word]!
            if list.count * 2 > count && list.count >= SearchIndex.commonFloor {
                common.append(word)
            } else {
                words.append(word)
                postings.append(list)
            }
        }
        return SearchIndex(themes: handbook.themes.map { ($0.slug, $0.title) },
                           flywheelSteps: handbook.config.flywheelSteps,
                           tips: results.map(\.0), words: words, postings: postings,
                           common: common, texts: results.map(\.2))
    }

    /// Puts back the space that the plain text loses between blocks ("asked.Then" → "asked. Then"),
    /// so snippets read as sentences.
    static func readable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if ".!?:;)”".unicodeScalars.contains(previous), scalar.properties.isUppercase || scalar == "“" {
                result.append(" ")
            }
            if scalar == "\n" || scalar == "\t" {
                if previous != " " { result.append(" ") }
                previous = " "
                continue
            }
            result.append(scalar)
            previous = scalar
        }
        return String(result).trimmingWhitespace()
    }
}
