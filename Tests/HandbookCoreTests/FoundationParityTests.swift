//! The program does without full Foundation (and its ICU data); what replaced its calls gives
//! what Foundation gave, checked here against Foundation itself on the real handbook's text.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FoundationParityTests {
    /// Every word of the real handbook, English and Dutch, plus text from other scripts.
    static let words: [String] = {
        let content = packageRoot.appendingPathComponent("content")
        var words = Set<String>()
        for case let file as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
        where file.pathExtension == "md" || file.pathExtension == "yml" {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            words.formUnion(text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        }
        return words.sorted() + ["Crème brûlée", "Ｗide 東京", "Ελληνικά τόνος", "Ærø Ångström Œuvre", "İstanbul ǅ",
                                 "Россия Ёлка", "한국어 글", "e\u{301}te\u{301}", "Straße", "ﬀ", "Ｈｅｌｌｏ！ １２", "a\u{200B}b", ""]
    }()

    @Test func searchDecompositionIsFoundations() {
        let differing = Self.words.filter { UnicodeFolding.decomposed($0) != $0.decomposedStringWithCanonicalMapping }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(Self.words.count > 5_000)
    }

    /// The slug as it was made with Foundation's folding (whose width folding also turned
    /// half-width katakana into full-width; utf8proc's folding leaves them).
    @Test func slugsAreFoundations() {
        func foundationSlug(_ text: String) -> String {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            return URLSlug.hyphenated(folded, keeping: { CharacterSet.alphanumerics.contains($0) })
        }
        let differing = Self.words.filter { URLSlug.foldedSlug($0) != foundationSlug($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { ($0, URLSlug.foldedSlug($0), foundationSlug($0)) })")
    }

    @Test func percentEncodingIsFoundations() {
        let kept = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/"
        let samples = Self.words + ["%", "%4", "%zz", "%C3%A9", "%c3%a9", "%C3", "a%2Fb", "100%25", "%E2%80%8", "tips/a b&c#d.md"]
        for text in samples {
            #expect(PercentEncoding.decode(text) == text.removingPercentEncoding, "\(text.debugDescription)")
            #expect(PercentEncoding.encode(text, keeping: Set(kept.utf8))
                    == text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: kept)))
        }
    }
}
