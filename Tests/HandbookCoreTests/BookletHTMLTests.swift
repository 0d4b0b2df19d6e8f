//! The booklet's HTML: print references, anchors, escaping, paper sizes, and nothing interactive.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct BookletHTMLTests {
    // A cross-reference to a tip becomes an in-document anchor with the print-reference class.
    @Test func tipLinksBecomePrintReferences() throws {
        let html = try BookletSupport.html(fixture: [:])
        #expect(html.contains(##"<a class="print-ref" data-ref="tip 3, p." href="#tip-3">Three</a>"##))
        #expect(html.contains(##"<article class="tip" id="tip-3">"##))
        #expect(!html.contains("tips/003-three.html"))
    }

    // Chapter and theme links point at the chapter opening and the theme's entry in the index.
    @Test func chapterAndThemeLinksBecomePrintReferences() throws {
        let html = try BookletSupport.html(fixture: [
            "tips/001-one.md": ContentFixture.tip(1, title: "One", body: "Read [the second](chapter:2) and [empathy](theme:empathy)."),
        ])
        #expect(html.contains(##"<a class="print-ref" data-ref="chapter 2, p." href="#chapter-2">the second</a>"##))
        #expect(html.contains(##"<a class="print-ref" data-ref="index, p." href="#theme-empathy">empathy</a>"##))
        #expect(html.contains(##"<section class="chapter" id="chapter-2">"##))
        #expect(html.contains(##"<section class="index-theme" id="theme-empathy">"##))
    }

    // Headings in bodies get ids prefixed with their tip, so two tips' "Why" headings do not clash,
    // and links to them (from the same tip or another) follow.
    @Test func headingIdsAreUniqueInTheOneDocument() throws {
        let html = try BookletSupport.html(fixture: [
            "tips/001-one.md": ContentFixture.tip(1, title: "One", body: "## Why\n\nSee [below](#why).\n\n**Try this:** one."),
            "tips/002-two.md": ContentFixture.tip(2, title: "Two", body: "## Why\n\nAs in [tip one](tip:1#why).\n\n**Try this:** two."),
        ])
        #expect(html.contains(##"<h2 id="tip-1-why">"##))
        #expect(html.contains(##"<h2 id="tip-2-why">"##))
        #expect(html.contains(##"<a href="#tip-1-why">below</a>"##))
        #expect(html.contains(##"<a class="print-ref" data-ref="tip 1, p." href="#tip-1-why">tip one</a>"##))
    }

    // External links keep their URL, marked so the stylesheet prints it after the text.
    @Test func externalLinksAreMarked() throws {
        let html = try BookletSupport.html(fixture: [
            "tips/001-one.md": ContentFixture.tip(1, title: "One", body: "See [the study](https://example.org/study?a=1&b=2)."),
        ])
        #expect(html.contains(##"<a class="external" href="https://example.org/study?a=1&amp;b=2">the study</a>"##))
    }

    // Titles are text, not markup, wherever they appear (tip heading, see-also, index, cover).
    @Test func titlesAreEscaped() throws {
        let html = try BookletSupport.html(fixture: [
            "tips/001-one.md": ContentFixture.tip(1, title: "'Less <b>than</b> & \"more\"'", related: "[2]"),
            "tips/002-two.md": ContentFixture.tip(2, title: "Two", related: "[1]"),
        ])
        #expect(!html.contains("<b>than</b>"))
        #expect(html.contains("Less &lt;b&gt;than&lt;/b&gt; &amp; &quot;more&quot;"))
    }

    // The "Try this" line keeps its class, which the stylesheet sets off in a box.
    @Test func tryThisIsSetOff() throws {
        let html = try BookletSupport.html(fixture: [:])
        #expect(html.contains("<p class=\"try-this\">\n<strong>Try this:</strong> one thing.\n</p>"))
        #expect(html.contains("<p class=\"how-you-know\">\n<strong>How you\u{2019}ll know:</strong> a sign, within a week.\n</p>"))
    }

    // The paper size sets the @page size and the paper's class.
    @Test func paperSizes() throws {
        let a5 = try BookletSupport.html(fixture: [:], paper: .a5)
        let a4 = try BookletSupport.html(fixture: [:], paper: .a4)
        let letter = try BookletSupport.html(fixture: [:], paper: .letter)
        #expect(a5.contains("@page { size: A5; }") && a5.contains(#"class="paper-a5""#))
        #expect(a4.contains("@page { size: A4; }") && a4.contains(#"class="paper-a4""#))
        #expect(letter.contains("@page { size: letter; }"))
    }

    // The real handbook: every tip is there once, in the index under each of its themes, and
    // every in-document link has its target.
    @Test func realHandbookIsComplete() throws {
        let prepared = try BookletSupport.realHandbook()
        let html = try BookletSupport.html(prepared)
        let (ids, links) = BookletSupport.anchors(in: html)
        let idSet = Set(ids)
        #expect(ids.count == idSet.count, "duplicate ids: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        #expect(Set(links).subtracting(idSet).isEmpty, "links without a target: \(Set(links).subtracting(idSet).sorted())")
        for tip in prepared.handbook.tips {
            #expect(idSet.contains("tip-\(tip.number)"), "tip \(tip.number) is missing")
            #expect(links.filter { $0 == "tip-\(tip.number)" }.count >= tip.themes.count, "tip \(tip.number) is not in the index")
        }
        for chapter in prepared.handbook.chapters {
            #expect(idSet.contains("chapter-\(chapter.number)") && links.contains("chapter-\(chapter.number)"))
        }
        #expect(html.components(separatedBy: #"class="print-ref""#).count > 60)
    }

    // A print document: no scripts, no site navigation or search, no fonts or styles from the network,
    // and the PDF's title and language.
    @Test func realHandbookIsSelfContained() throws {
        let prepared = try BookletSupport.realHandbook()
        let html = try BookletSupport.html(prepared)
        for forbidden in ["<script", "<iframe", "<form", "<input", "site-nav", "search-index", "@import", "<link", "onload="] {
            #expect(!html.lowercased().contains(forbidden), "the booklet contains \(forbidden)")
        }
        // The theme's fonts come inlined as data addresses; nothing else is fetched.
        let addresses = html.components(separatedBy: "url(").dropFirst()
        #expect(addresses.count == 5 && addresses.allSatisfy { $0.hasPrefix("data:font/woff2;base64,") }, "\(addresses.map { $0.prefix(40) })")
        #expect(html.contains(#"@font-face { font-family: "Handbook Serif""#) && html.contains(#"@font-face { font-family: "Handbook Sans""#))
        #expect(html.contains(#"<html lang="en""#))
        #expect(html.contains("<title>The Customer Experience Handbook</title>"))
        #expect(html.contains("First edition, 2026"))
    }

    // `handbook build` writes the booklet into the site.
    @Test func buildWritesTheBooklet() throws {
        let fixture = ContentFixture(ContentFixture.standard())
        _ = try SiteBuilder.build(fixture.options)
        let html = try #require(fixture.directory.read("site/booklet/index.html"))
        #expect(html.contains(#"id="tip-1""#))
    }

    // `handbook booklet` adds to a site folder but never writes into a folder Handbook did not make.
    @Test func outputRefusesForeignFolders() throws {
        let directory = TemporaryDirectory()
        directory.write("mine", to: "foreign/notes.txt")
        #expect(throws: BuildFailure.self) {
            try BookletOutput(site: UserPath(url: directory.file("foreign"), shown: "foreign"))
        }
        let output = try BookletOutput(site: UserPath(url: directory.file("new"), shown: "new"))
        try output.writeHTML("<p>booklet</p>")
        #expect(directory.read("new/booklet/index.html") == "<p>booklet</p>")
        #expect(FileManager.default.fileExists(atPath: directory.file("new/.handbook-site").path))
        #expect(output.folder.shown == "new/booklet")
    }
}
