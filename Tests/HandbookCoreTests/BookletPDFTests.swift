//! The real handbook's booklet rendered by WeasyPrint, read back with poppler's pdfinfo and pdftotext.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct BookletPDFTests {
    // One WeasyPrint run (it takes seconds) shared by every check: page count, metadata, every tip
    // title, and the page numbers printed in the contents, the theme index and the cross-references
    // against the pages where those chapters and tips really are.
    @Test func realHandbookPDF() throws {
        let renderer = PDFRenderer(timeout: 600)
        guard renderer.locate() != nil else {
            Issue.record("WeasyPrint is not installed; install it with: \(PDFRenderer.installCommand) poppler-utils")
            return
        }
        let prepared = try BookletSupport.realHandbook()
        let handbook = prepared.handbook
        let directory = TemporaryDirectory()
        let output = try BookletOutput(site: UserPath(url: directory.file("site"), shown: "site"))
        try output.writeHTML(try BookletSupport.html(prepared, paper: .a5))
        _ = try renderer.render(html: output.htmlFile.url, to: output.pdfFile.url)

        // pdfinfo: a plausible page count, the title and subject in the metadata.
        let info = try BookletSupport.run("pdfinfo", [output.pdfFile.path])
        let pageCount = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect(pageCount >= handbook.tips.count && pageCount <= handbook.tips.count * 3, "\(pageCount) pages")
        #expect(info.contains("Title:           \(handbook.config.title)"))
        #expect(info.contains("Subject:         \(handbook.config.subtitle ?? "")"))

        // pdffonts: set in the theme's own faces alone, embedded, whatever fonts this machine has.
        let fonts = try BookletSupport.run("pdffonts", [output.pdfFile.path]).split(separator: "\n").dropFirst(2)
        let families = Set(fonts.compactMap { $0.split(separator: " ").first?.split(separator: "+").last.map(String.init) })
        #expect(families.isSuperset(of: ["Handbook-Serif", "Handbook-Serif-Italic", "Handbook-Serif-Bold", "Handbook-Sans", "Handbook-Sans-Semi-Bold"]))
        #expect(families.allSatisfy { $0.hasPrefix("Handbook-") }, "fonts that are not the theme's: \(families.sorted())")
        #expect(fonts.allSatisfy { $0.contains(" yes yes yes ") }, "a font is not embedded, subset and mapped to Unicode:\n\(fonts.joined(separator: "\n"))")

        // pdftotext -layout separates pages with form feeds.
        let text = try BookletSupport.run("pdftotext", ["-layout", output.pdfFile.path, "-"])
        let pages = text.components(separatedBy: "\u{0C}").map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(pages.count >= pageCount)

        // Every tip title appears.
        let flat = BookletSupport.normalised(text)
        for tip in handbook.tips {
            #expect(flat.contains(BookletSupport.normalised(tip.title)), "tip \(tip.number) '\(tip.title)' is not in the PDF")
        }

        // Where chapters and tips really are: the page with their "CHAPTER 3" / "TIP 12" label.
        func page(withLine line: String) -> Int? {
            pages.firstIndex { $0.contains(line) }.map { $0 + 1 }
        }
        var chapterPages: [Int: Int] = [:]
        for chapter in handbook.chapters {
            chapterPages[chapter.number] = page(withLine: "CHAPTER \(chapter.number)")
            #expect(chapterPages[chapter.number] != nil, "chapter \(chapter.number)'s opening was not found")
        }
        var tipPages: [Int: Int] = [:]
        for tip in handbook.tips {
            tipPages[tip.number] = page(withLine: "TIP \(tip.number)")
            #expect(tipPages[tip.number] != nil, "tip \(tip.number)'s heading was not found")
        }
        #expect(pages[0].filter { Int($0) != nil }.isEmpty, "the cover has a page number")

        // The contents: "3   The circle of influence . . . . 31".
        let contentsIndex = try #require(pages.firstIndex { $0.first { !$0.isEmpty } == "Contents" })
        let contents = PrintedEntries.parse(pages[contentsIndex])
        #expect(contents.count == handbook.chapters.count)
        for entry in contents {
            #expect(chapterPages[entry.number] == entry.page,
                    "contents: chapter \(entry.number) is printed as p. \(entry.page), but is on p. \(chapterPages[entry.number] ?? 0)")
        }

        // The index by theme, to the end: "12  Open meetings with a customer story . . . 24".
        let indexStart = try #require(pages.firstIndex { $0.first { !$0.isEmpty } == "Index by theme" })
        let index = pages[indexStart...].flatMap(PrintedEntries.parse)
        #expect(index.count == handbook.tips.reduce(0) { $0 + $1.themes.count })
        for entry in index {
            #expect(tipPages[entry.number] == entry.page,
                    "index: tip \(entry.number) is printed as p. \(entry.page), but is on p. \(tipPages[entry.number] ?? 0)")
        }

        // Cross-references in the text: "(tip 12, p. 34)" and "(chapter 5, p. 63)".
        let references = PrintedEntries.references(in: flat)
        #expect(references.count > 60)
        for reference in references {
            let actual = reference.kind == "tip" ? tipPages[reference.number] : chapterPages[reference.number]
            #expect(actual == reference.page, "(\(reference.kind) \(reference.number), p. \(reference.page)) but it is on p. \(actual ?? 0)")
        }
    }
}

/// Reads the numbered entries that the booklet prints with leaders and page numbers.
enum PrintedEntries {
    struct Entry { var number: Int; var page: Int }

    /// Lines like "12  Title . . . . 34". A title that wraps continues on the next line, which
    /// ends with the leader and the page.
    static func parse(_ lines: [String]) -> [Entry] {
        var entries: [Entry] = []
        var open: Int?
        for line in lines where !line.isEmpty {
            let words = line.split(separator: " ")
            let first = words.first.flatMap { Int($0) }
            let last = words.count > 1 ? Int(words.last!) : nil
            let hasLeader = line.contains(". .") || line.contains("..")
            if let first, words.count > 1, Int(words[1]) == nil { open = first }
            if let last, hasLeader, let number = open {
                entries.append(Entry(number: number, page: last))
                open = nil
            }
        }
        return entries
    }

    /// "(tip 12, p. 34)" and "(chapter 5, p. 63)" in the text.
    static func references(in text: String) -> [(kind: String, number: Int, page: Int)] {
        var found: [(String, Int, Int)] = []
        for kind in ["tip", "chapter"] {
            for piece in text.components(separatedBy: "(\(kind) ").dropFirst() {
                let scanner = Scanner(string: piece)
                guard let number = scanner.scanInt(), scanner.scanString(", p.") != nil,
                      let page = scanner.scanInt(), scanner.scanString(")") != nil else { continue }
                found.append((kind, number, page))
            }
        }
        return found
    }
}
