//! The search index: how words are folded, what the index holds, how it is written as
//! JavaScript, and its size for the real handbook.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct SearchTextTests {
    @Test func foldsCaseAndAccents() {
        #expect(SearchText.words(in: "Café AU LAIT, naïve Ångström") == ["cafe", "au", "lait", "naive", "angstrom"])
    }

    @Test func combiningMarksFoldLikePrecomposedLetters() {
        #expect(SearchText.words(in: "Cafe\u{301}") == ["cafe"])
    }

    @Test func apostrophesJoinAWord() {
        #expect(SearchText.words(in: "Don't — can’t") == ["dont", "cant"])
    }

    @Test func punctuationSplitsAndDigitsStay() {
        #expect(SearchText.words(in: "front-line 24/7 (call-centre).") == ["front", "line", "24", "7", "call", "centre"])
    }

    @Test func otherScriptsAreWordsToo() {
        #expect(SearchText.words(in: "Ελληνικά Straße 東京") == ["ελληνικα", "straße", "東京"])
    }

    /// The word rules as written in `SearchText`'s documentation, scalar by scalar: a word is a
    /// run of letters, digits and marks; apostrophes inside it are dropped without splitting;
    /// each word is folded, and one that folds to nothing is left out.
    static func wordsByDefinition(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty {
                let folded = SearchText.fold(String(current))
                if !folded.isEmpty { words.append(folded) }
            }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if SearchText.isWordScalar(scalar) || SearchText.isMark(scalar) {
                current.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                finish()
            }
        }
        finish()
        return words
    }

    // The byte scanner's shortcuts (lowercase ASCII passed as it stands, capitals lowercased in
    // a scratch buffer, everything else folded) split and fold as the definition does.
    @Test func theByteScannerFollowsTheDefinition() {
        let pieces = ["a", "Z", "q", "7", " ", ".", "-", "'", "\u{2019}", "é", "e\u{301}", "ß", "Ä", "İ", "東", "😀",
                      "\n", "Ω", "ǅ", "²", "\u{2003}", "ﬁ", String(repeating: "Long", count: 20), "x'", "’s"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchText.words(in: text) == Self.wordsByDefinition(text), "\(text.debugDescription)")
        }
    }

    // The hash the scanner works out while reading a word is the hash of the folded bytes it
    // hands over, so "Listen", "listen" and "listen’s" meet the words of other tips.
    @Test func theScannersHashIsTheHashOfTheFoldedWord() {
        let pieces = ["a", "Z", "q", "7", " ", "'", "\u{2019}", "é", "e\u{301}", "Ä", "東", "\n",
                      String(repeating: "Long", count: 20), "x'", "’s", "Listen", "listen"]
        var generator = SeededGenerator(seed: 11)
        var pairs = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            SearchText.forEachWord(in: text) { bytes, hash in
                #expect(hash == SearchText.wordHash(Array(bytes)), "\(String(decoding: bytes, as: UTF8.self)) in \(text.debugDescription)")
                pairs += 1
            }
        }
        #expect(pairs > 3_000)
        var hashes: [UInt64] = []
        SearchText.forEachWord(in: "Listen listen LISTEN lis'ten") { _, hash in hashes.append(hash) }
        #expect(Set(hashes).count == 1 && hashes.count == 4)
    }

    @Test func readableTextGetsBackTheSpaceBetweenBlocks() {
        #expect(SearchIndexBuilder.readable("They asked.Then we\nlistened:Every time") == "They asked. Then we listened: Every time")
        #expect(SearchIndexBuilder.readable("She said:“Yes.”Then\t\tleft.\n") == "She said: “Yes.” Then left.")
        #expect(SearchIndexBuilder.readable(" \n a.b (c)D \u{2003}") == "a.b (c) D")
    }
}

@Suite struct SearchIndexTests {
    private static func index(_ files: [String: String] = [:]) throws -> SearchIndex {
        let prepared = try prepared(files)
        return SearchIndexBuilder.build(prepared.handbook, content: prepared.content)
    }

    private static func prepared(_ files: [String: String] = [:]) throws -> SiteBuilder.Prepared {
        let fixture = ContentFixture(ContentFixture.standard([
            "tips/001-one.md": ContentFixture.tip(1, title: "Meet at the café", themes: "[empathy, flywheel]", related: "[2]",
                                                  extra: "flywheel_step: 2\n",
                                                  body: "Listen first, then *listen* again.\n\n**Try this:** visit one café.\n\n"
                                                    + "**How you’ll know:** more regulars by June."),
        ].merging(files) { $1 }))
        return try SiteBuilder.prepare(fixture.options)
    }

    @Test func holdsWhatResultsAndMyFiveShow() throws {
        let index = try Self.index()
        #expect(index.tips.map(\.number) == [1, 2, 3])
        #expect(index.tips[0] == SearchIndex.Entry(number: 1, title: "Meet at the café", summary: "Summary 1.",
                                                   url: "tips/001-one.html", themes: [1, 2],
                                                   tryThis: "visit one café.", howYoullKnow: "more regulars by June.",
                                                   flywheelStep: 2))
        #expect(index.tips[1].tryThis == "two." && index.tips[1].howYoullKnow == "two signs.")
        #expect(index.tips[2].howYoullKnow == "a sign, within a week.")
        #expect(index.themes.map(\.slug) == ["leadership", "empathy", "flywheel", "never-normal"])
        #expect(index.flywheelSteps.count == 6)
    }

    @Test func postingsListEveryTipWithAWordOnce() throws {
        let index = try Self.index()
        #expect(index.posting(of: "cafe") == [0])
        #expect(index.posting(of: "listen") == [0])
        #expect(index.posting(of: "meet") == [0])
        #expect(index.posting(of: "summary") == [0, 1, 2])
        #expect(index.posting(of: "café") == nil)
        #expect(index.words == index.words.sorted(by: SearchIndex.precedes))
        #expect(Set(index.words).count == index.words.count)
        #expect(index.postings.allSatisfy { $0 == $0.sorted() && Set($0).count == $0.count })
    }

    // search.js bisects the vocabulary with JavaScript's `<`, which compares UTF-16 code units;
    // the byte-wise shortcut must agree with it, also across the surrogate range.
    /// A handbook of 403 tips (three runs of 128 or more, merged) whose words repeat within and
    /// across tips: every word's postings are the tips whose title, summary or text has it, as
    /// `SearchText.words` defines words, made on all cores or on one thread alike.
    @Test func postingsMatchTheDefinitionAcrossRuns() throws {
        var generator = SeededGenerator(seed: 5)
        var files: [String: String] = [:]
        for number in 4...403 {
            let words = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                ["Word\(Int.random(in: 0..<60, using: &generator))", "café", "Don't", "x\(number % 7)"]
                    .randomElement(using: &generator)!
            }
            files["tips/\(number)-t.md"] = ContentFixture.tip(number, title: "Title \(number % 11)", themes: "[empathy]",
                                                              related: "[]", body: words.joined(separator: " "))
        }
        let fixture = ContentFixture(ContentFixture.standard(files))
        let prepared = try SiteBuilder.prepare(fixture.options)
        let handbook = prepared.handbook
        var expected: [String: [Int32]] = [:]
        for (position, tip) in handbook.tips.enumerated() {
            let text = [tip.title, tip.summary ?? "", prepared.content.tips[position].plainText].joined(separator: " ")
            for word in Set(SearchText.words(in: text)) { expected[word, default: []].append(Int32(position)) }
        }
        for onAllCores in [true, false] {
            let index = SearchIndexBuilder.build(handbook, content: prepared.content, onAllCores: onAllCores)
            #expect(index.tips.count == handbook.tips.count)
            #expect(Set(index.words) == Set(expected.keys))
            for word in index.words { #expect(index.posting(of: word) == expected[word], "\(word)") }
        }
    }

    @Test func wordOrderIsJavaScriptsUTF16Order() {
        let words = ["", "a", "ab", "b", "z", "é", "e\u{301}", "zz", "東京", "\u{E000}x", "\u{FFFD}", "\u{1F600}", "a\u{1F600}",
                     "a\u{FFEE}", "naïve", "naive", "\u{10000}", "\u{FFFF}", "\u{7F}", "\u{80}"]
        for a in words {
            for b in words {
                #expect(SearchIndex.precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a.debugDescription) < \(b.debugDescription)")
            }
        }
    }

    /// The vocabulary's order, compared in one buffer of bytes (no word beyond U+FFFF) or by
    /// `precedes` (some word beyond it), is JavaScript's.
    @Test func vocabularyIsSortedInUTF16Order() {
        var generator = SeededGenerator(seed: 3)
        let pieces = ["", "a", "b", "ab", "z", "é", "e\u{301}", "東", "\u{FFFD}", "\u{FFEE}", "\u{7F}", "\u{80}", "na", "ïve"]
        for beyondBMP in [false, true] {
            for _ in 0..<200 {
                var words = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                }
                if beyondBMP { words.append("a\u{1F600}") }
                let order = SearchIndex.sortedInUTF16Order(words)
                #expect(order == words.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }, "\(words)")
            }
        }
    }

    @Test func themeNamesStayOutOfThePostings() throws {
        // The browser matches theme names from the tips' theme list.
        let index = try Self.index()
        #expect(index.posting(of: "empathy") == nil)
    }

    @Test func smallHandbooksHaveNoCommonWords() throws {
        #expect(try Self.index().common.isEmpty)
    }

    @Test func wordsInMostTipsOfALargeHandbookBecomeCommon() throws {
        var files: [String: String] = [:]
        for number in 1...1_000 {
            let rare = number.isMultiple(of: 100) ? " zebra" : ""
            files["tips/\(String(format: "%04d", number))-t.md"] = ContentFixture.tip(
                number, title: "Tip \(number)", related: "[]", body: "Every customer matters\(rare).\n\n**Try this:** go.")
        }
        let fixture = ContentFixture(["handbook.yml": ContentFixture.config,
                                      "chapters/01-first.md": ContentFixture.chapter(1)].merging(files) { $1 })
        let prepared = try SiteBuilder.prepare(fixture.options)
        let index = SearchIndexBuilder.build(prepared.handbook, content: prepared.content)
        #expect(index.common.contains("customer"))
        #expect(index.posting(of: "customer") == nil)
        #expect(index.posting(of: "zebra")?.count == 10)
    }

    // MARK: - As JavaScript

    @Test func tipDataIsAScriptThatSetsAGlobal() throws {
        let index = try Self.index()
        let data = try Self.json(String(decoding: SearchScripts.data(index), as: UTF8.self), global: "window.HandbookData=")
        let tips = try #require(data["tips"] as? [[Any]])
        #expect(tips.count == 3)
        #expect(tips[0][0] as? Int == 1)
        #expect(tips[0][1] as? String == "Meet at the café")
        #expect(tips[0][2] as? String == "tips/001-one.html")
        #expect(tips[0][4] as? [Int] == [1, 2])
        #expect(tips[0][5] as? String == "visit one café.")
        #expect(tips[0][6] as? Int == 2)
        #expect((data["themes"] as? [[String]])?.first == ["leadership", "Leadership"])
    }

    /// "chapter 2" in the search box opens the chapter and lists its tips.
    @Test func tipDataListsEachChaptersTips() throws {
        let index = try Self.index()
        let data = try Self.json(String(decoding: SearchScripts.data(index), as: UTF8.self), global: "window.HandbookData=")
        let chapters = try #require(data["chapters"] as? [[Any]])
        #expect(chapters.map { $0[0] as? Int } == [1, 2])
        #expect(chapters.map { $0[1] as? String } == ["First", "Second"])
        #expect(chapters.map { $0[2] as? String } == ["chapters/01-first.html", "chapters/02-second.html"])
        #expect(chapters.map { $0[3] as? [Int] } == [[0, 2], [2, 1]])
    }

    @Test func chapterTipsAreWrittenAsRunsOfPositions() {
        #expect(SearchScripts.runs([3, 4, 5, 9, 11, 12]).map { [$0.first, $0.count] } == [[3, 3], [9, 1], [11, 2]])
        #expect(SearchScripts.runs([]).isEmpty)
    }

    /// British and American spellings meet in English only: the browser reads the language from the index.
    @Test func theIndexNamesTheContentsLanguage() throws {
        let english = try Self.json(String(decoding: SearchScripts.invertedIndex(try Self.index()), as: UTF8.self),
                                    global: "window.HandbookSearchIndex=")
        #expect(english["lang"] as? String == "en")
        var files = ContentFixture.standard()
        files["nl/handbook.yml"] = TranslationTests.dutchConfig
        let fixture = ContentFixture(files)
        let prepared = try SiteBuilder.prepare(fixture.options)
        let dutch = try #require(prepared.translations.first)
        let index = SearchIndexBuilder.build(dutch.handbook, content: dutch.content)
        let json = try Self.json(String(decoding: SearchScripts.invertedIndex(index), as: UTF8.self), global: "window.HandbookSearchIndex=")
        #expect(json["lang"] as? String == "nl")
    }

    @Test func postingsAreWrittenAsBase36Gaps() throws {
        let index = try Self.index()
        let json = try Self.json(String(decoding: SearchScripts.invertedIndex(index), as: UTF8.self), global: "window.HandbookSearchIndex=")
        let words = (json["words"] as? String)?.split(separator: " ").map(String.init)
        #expect(words == index.words)
        let postings = try #require(json["postings"] as? String).split(separator: " ").map { list in
            var position: Int32 = 0
            return list.split(separator: ",").map { gap -> Int32 in
                position += Int32(gap, radix: 36)!
                return position
            }
        }
        #expect(postings == index.postings)
        #expect(json["tips"] as? Int == 3)
        #expect(json["chunk"] as? Int == SearchIndex.chunkSize)
    }

    @Test func textsAreSplitIntoChunks() throws {
        let texts = try Self.prepared().content.tips.map(\.plainText)
        #expect(SearchScripts.chunkCount(tips: texts.count) == 1)
        #expect(SearchScripts.textPath(chunk: 0) == "assets/search-text-0.js")
        let chunk = String(decoding: SearchScripts.textChunk(0, texts: texts), as: UTF8.self)
        #expect(chunk.contains("(window.HandbookSearchTexts=window.HandbookSearchTexts||[])[0]=["))
        #expect(chunk.contains("\"Listen first, then listen again. Try this: visit one café. How you’ll know: more regulars by June.\""))
    }

    @Test func stringsAreSafeInsideAScript() {
        #expect(JavaScriptLiteral.string("</script>\u{2028}\"\\\n\t") == #""\u003c/script>\u2028\"\\\n\u0009""#)
    }

    // MARK: - The real handbook

    @Test func realHandbookIndexIsCompleteAndSmall() throws {
        let prepared = try SiteBuilder.prepare(BuildOptions(
            content: packageRoot.appendingPathComponent("Tests/Fixtures/handbook").path,
            theme: packageRoot.appendingPathComponent("themes/default").path, output: "/nonexistent"))
        let index = SearchIndexBuilder.build(prepared.handbook, content: prepared.content)
        #expect(index.tips.count == prepared.handbook.tips.count)
        let pagePaths = Set(PageKind.all(for: prepared.handbook).map { $0.path(in: prepared.handbook) })
        for tip in index.tips {
            #expect(pagePaths.contains(tip.url), "tip \(tip.number) links to \(tip.url)")
            #expect(!tip.tryThis.isEmpty, "tip \(tip.number) has no Try this")
            #expect(!tip.summary.isEmpty)
        }
        // Every distinct word of every title can be found.
        for (position, tip) in prepared.handbook.tips.enumerated() {
            for word in SearchText.words(in: tip.title) {
                #expect(index.posting(of: word)?.contains(Int32(position)) == true, "'\(word)' of tip \(tip.number)")
            }
        }
        // The files loaded before the first result; the snippet texts come later.
        let loadedForSearch = [SearchScripts.data(index), SearchScripts.invertedIndex(index)].map { String(decoding: $0, as: UTF8.self) }
        let raw = loadedForSearch.map(\.utf8.count).reduce(0, +)
        let zipped = try loadedForSearch.map { try Self.gzippedSize($0) }.reduce(0, +)
        print("search index for \(index.tips.count) tips: \(raw) bytes raw, \(zipped) bytes gzipped (tips-data.js + search-index.js)")
        #expect(zipped < 60_000)
    }

    // MARK: - Helpers

    static func json(_ script: String, global: String) throws -> [String: Any] {
        let start = try #require(script.range(of: global)).upperBound
        var body = String(script[start...]).trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasSuffix(";") { body.removeLast() }
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    static func gzippedSize(_ text: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-9", "-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.count
    }
}
