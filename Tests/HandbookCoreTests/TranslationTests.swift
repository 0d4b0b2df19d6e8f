//! Translations (`content/nl/`): matched to the original by number, their own words on the
//! original's structure, each language in its folder with links to the same page in the others.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct TranslationTests {
    static let dutchConfig = """
    title: Testhandboek
    language: nl
    themes:
      - slug: empathy
        title: Empathie
    flywheel: [Gemak, Verwachtingen, Problemen, Segment van één, Emotie, Gemeenschap]

    """

    static let oneHash = TranslationValidator.originalHash(
        title: "One", summary: "Summary 1.", body: "Some advice.\n\n**Try this:** one thing.\n\n**How you'll know:** a sign, within a week.")

    static func dutchTip(_ number: Int, title: String, hash: String? = oneHash, extra: String = "",
                         body: String = "Een advies over [](tip:2).\n\n**Probeer dit:** één ding.\n\n**Zo merk je het:** een teken.") -> String {
        "---\nnumber: \(number)\ntitle: \(title)\nsummary: Samenvatting \(number).\n\(hash.map { "original_hash: \($0)\n" } ?? "")\(extra)---\n\(body)\n"
    }

    private func fixture(_ dutch: [String: String]) -> ContentFixture {
        var files = ContentFixture.standard()
        for (path, text) in dutch { files["nl/" + path] = text }
        return ContentFixture(files)
    }

    @Test func aTranslationHasItsWordsOnTheOriginalsStructure() throws {
        let fixture = fixture(["handbook.yml": Self.dutchConfig, "tips/001-een.md": Self.dutchTip(1, title: "Eén")])
        let (handbook, _) = fixture.validate()
        let dutch = try #require(handbook?.translations.first)
        let tip = try #require(dutch.tip(number: 1))
        #expect(tip.title == "Eén" && tip.summary == "Samenvatting 1." && tip.textLanguage == nil)
        #expect(tip.themes == ["leadership", "empathy", "flywheel", "never-normal"] && tip.related == [2] && tip.chapter == 1)
        #expect(dutch.theme(slug: "empathy")?.title == "Empathie")
        #expect(dutch.theme(slug: "leadership")?.title == "Leadership") // not translated: the original's
        #expect(dutch.tip(number: 2)?.textLanguage == "en")
        #expect(dutch.config.flywheelSteps.first == "Gemak")
    }

    @Test func eachLanguageIsBuiltIntoItsFolderWithLinksToTheSamePage() throws {
        let fixture = fixture(["handbook.yml": Self.dutchConfig, "tips/001-een.md": Self.dutchTip(1, title: "Eén")])
        let sink = MemorySink()
        try SiteBuilder.write(try SiteBuilder.prepare(fixture.options, booklet: true), into: sink)
        let pages = sink.files
        let english = try #require(pages["tips/001-one.html"])
        let dutch = try #require(pages["nl/tips/001-een.html"])
        #expect(english.contains(#"<link rel="alternate" hreflang="nl" href="../nl/tips/001-een.html">"#))
        #expect(dutch.contains(#"<html lang="nl">"#))
        #expect(dutch.contains(#"<link rel="alternate" hreflang="en" href="../../tips/001-one.html">"#))
        #expect(dutch.contains(#"<a href="../../tips/001-one.html" hreflang="en" lang="en" data-language-link>English</a>"#))
        #expect(english.contains(#"<a href="../nl/tips/001-een.html" hreflang="nl" lang="nl" data-language-link>Nederlands</a>"#))
        // The Dutch page links to tip 2 in Dutch pages, with its (untranslated) title.
        #expect(dutch.contains(#"<a href="../tips/002-two.html">Two</a>"#))
        #expect(dutch.contains(#"class="try-this""#) && dutch.contains(#"class="how-you-know""#))
        #expect(!dutch.contains("untranslated-notice"))
        // The untranslated tip shows the original with the notice, its text marked as English.
        let untranslated = try #require(pages["nl/tips/002-two.html"])
        #expect(untranslated.contains("Deze tip is nog niet vertaald"))
        #expect(untranslated.contains(#"<div class="prose" lang="en">"#))
        // My five keeps its tips across the switch: one storage key for both languages.
        let key = { (page: String) in page.firstMatch(of: /data-site="([^"]*)"/).map { String($0.1) } }
        #expect(key(english) != nil && key(english) == key(dutch))
        // Each language has its own search index and booklet.
        #expect(pages["nl/" + SearchScripts.indexPath]?.contains("een") == true)
        #expect(pages[SearchScripts.indexPath]?.contains("een") == false)
        #expect(pages["nl/booklet/index.html"]?.contains(#"lang="nl""#) == true)
    }

    @Test func checkReportsEveryTranslationProblemWithItsPlace() {
        let problems = fixture([
            "handbook.yml": Self.dutchConfig,
            "tips/001-een.md": Self.dutchTip(1, title: "Eén", hash: "00000000"),
            "tips/002-twee.md": Self.dutchTip(2, title: "Twee", hash: nil),
            "tips/009-negen.md": Self.dutchTip(9, title: "Negen"),
            "tips/003-drie.md": Self.dutchTip(3, title: "Drie", extra: "themes: [empathy]\n"),
        ]).problems()
        #expect(problems.contains("content/nl/tips/009-negen.md:2:1: error: tip 9 has no original: there is no tip 9 in tips/\n"
            + "    hint: a translation is matched to its original by number; fix the number or remove the file"))
        #expect(problems.contains("content/nl/tips/003-drie.md:6:9: error: 'themes' comes from the original tip, not from its translation\n"
            + "    hint: remove the 'themes:' line here; change it in the original if it must change"))
        let errorCount = problems.filter { $0.contains(": error: ") }.count
        #expect(errorCount == 2, "\(problems)")
    }

    @Test func staleAndUntranslatedFilesAreWarnings() {
        let problems = fixture([
            "handbook.yml": Self.dutchConfig,
            "tips/001-een.md": Self.dutchTip(1, title: "Eén", hash: "00000000"),
            "tips/002-twee.md": Self.dutchTip(2, title: "Twee", hash: nil),
        ]).problems()
        #expect(problems.contains("content/nl/tips/001-een.md:5:16: warning: the original changed after this translation was made\n"
            + "    hint: bring it up to date with content/tips/001-one.md, then set 'original_hash: \(Self.oneHash)'"))
        #expect(problems.contains { $0.hasPrefix("content/nl/tips/002-twee.md:2:1: warning: the translation does not say which version") })
        #expect(problems.contains("content/nl/tips: warning: 1 of 3 tips are not translated into 'nl' yet: 3\n"
            + "    hint: start one with 'handbook new tip --language nl --number N'"))
        #expect(problems.contains("content/nl/chapters: warning: 2 of 2 chapters are not translated into 'nl' yet: 1, 2\n"
            + "    hint: add a file per chapter to content/nl/chapters/, with 'number:' as in the original"))
        #expect(!problems.contains { $0.contains(": error: ") })
    }

    @Test func editLinksOfATranslationNameItsOwnFiles() throws {
        var files = ContentFixture.standard()
        files["handbook.yml"] = ContentFixture.config + "edit_url: https://git.example.com/hb/-/edit/main/content/\n"
        files["nl/handbook.yml"] = Self.dutchConfig
        files["nl/tips/001-een.md"] = Self.dutchTip(1, title: "Eén")
        let pages = try ContentFixture(files).pages()
        #expect(pages["nl/tips/001-een.html"]?.contains(#"href="https://git.example.com/hb/-/edit/main/content/nl/tips/001-een.md""#) == true)
        #expect(pages["nl/index.html"]?.contains(#"href="https://git.example.com/hb/-/edit/main/content/nl/handbook.yml""#) == true)
        #expect(pages["tips/001-one.html"]?.contains(#"href="https://git.example.com/hb/-/edit/main/content/tips/001-one.md""#) == true)
    }

    @Test func oneSitemapListsEveryLanguageAndCanonicalLinksKeepTheirFolder() throws {
        var files = ContentFixture.standard()
        files["handbook.yml"] = ContentFixture.config + "base_url: https://intranet.example.com/hb/\n"
        files["nl/handbook.yml"] = Self.dutchConfig
        files["nl/tips/001-een.md"] = Self.dutchTip(1, title: "Eén")
        let pages = try ContentFixture(files).pages()
        let sitemap = try #require(pages[SitePaths.sitemap])
        #expect(sitemap.contains("<loc>https://intranet.example.com/hb/tips/001-one.html</loc>"))
        #expect(sitemap.contains("<loc>https://intranet.example.com/hb/nl/tips/001-een.html</loc>"))
        #expect(!sitemap.contains("404.html") && pages["nl/" + SitePaths.sitemap] == nil)
        #expect(pages["nl/tips/001-een.html"]?.contains(#"<link rel="canonical" href="https://intranet.example.com/hb/nl/tips/001-een.html">"#) == true)
    }

    @Test func aTranslationsLanguageMustMatchItsFolder() {
        let problems = fixture(["handbook.yml": Self.dutchConfig.replacingOccurrences(of: "language: nl", with: "language: de")]).problems()
        #expect(problems.contains("content/nl/handbook.yml:1:1: error: 'language: de' does not match the folder 'nl'\n"
            + "    hint: a translation lives in a folder named after its language: write 'language: nl'"))
    }

    @Test func newTipTranslationStartsFromTheOriginalAndNeverOverwrites() throws {
        let fixture = fixture(["handbook.yml": Self.dutchConfig])
        let content = UserPath(url: fixture.content, shown: "content")
        let path = try TranslationScaffolder.create(number: 1, language: "nl", content: content)
        #expect(path == "content/nl/tips/001-one.md")
        let text = try String(contentsOf: fixture.content.appendingPathComponent("nl/tips/001-one.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nnumber: 1\ntitle: \"One\"\nsummary: \"Summary 1.\"\noriginal_hash: \(Self.oneHash)\n---\nSome advice."))
        #expect(!fixture.problems().contains { $0.hasPrefix("content/nl/tips/001-one.md") })
        #expect(throws: BuildFailure.self) { try TranslationScaffolder.create(number: 1, language: "nl", content: content) }
        #expect(throws: BuildFailure.self) { try TranslationScaffolder.create(number: 99, language: "nl", content: content) }
        #expect(throws: BuildFailure.self) { try TranslationScaffolder.create(number: 2, language: "fr", content: content) }
    }
}
