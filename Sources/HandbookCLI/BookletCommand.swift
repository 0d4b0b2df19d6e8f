//! `handbook booklet`: the printable booklet, as HTML and, with --pdf, as a PDF made by WeasyPrint.

import ArgumentParser
import FoundationEssentials
import Glibc
import HandbookCore

extension PaperSize: ExpressibleByArgument {}

struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet",
        abstract: "Write the printable booklet into the site, and with --pdf render it to PDF.",
        discussion: """
            Writes <output>/booklet/index.html, one document laid out for print with CSS paged media. \
            With --pdf, WeasyPrint (Debian package 'weasyprint') renders it to <output>/booklet/booklet.pdf, \
            with page numbers in the contents, the cross-references and the theme index.
            """)

    @OptionGroup var source: ContentOptions

    @Option(help: "Paper size: a5 (a folded booklet; chapters open on right-hand pages), a4 or letter.")
    var paper: PaperSize = .a5

    @Flag(help: "Also render booklet.pdf with WeasyPrint.")
    var pdf = false

    @Option(help: "The site folder to write booklet/ into.")
    var output: String = "site"

    @Option(help: "Seconds WeasyPrint may take before it is stopped.")
    var timeout: Int = 300

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() throws {
        if pdf {
            // One line, before anything is written, rather than after the HTML.
            do {
                try PDFRenderer().installed()
            } catch let failure as BuildFailure {
                DiagnosticPrinter.print(failure.diagnostics)
                throw ExitCode.failure
            }
        }
        var booklets: [BookletOutput] = []
        do {
            let prepared = try SiteBuilder.prepare(source.buildOptions(output: output), booklet: true)
            DiagnosticPrinter.print(prepared.diagnostics)
            // One booklet per language: booklet/ and, for each translation, nl/booklet/.
            for edition in [prepared] + prepared.translations {
                guard let html = edition.bookletHTML(paper: paper, withPDF: pdf) else {
                    throw BuildFailure([.error("the theme has no booklet/ folder", at: nil,
                                               hint: "'handbook theme copy' writes out the built-in theme's")])
                }
                let files = try BookletOutput(site: UserPath(output), language: edition.folder)
                try files.writeHTML(html)
                booklets.append(files)
                say("Wrote \(files.htmlFile) (\(paper.label), \(edition.handbook.tips.count) tips)")
            }
        } catch let failure as BuildFailure {
            DiagnosticPrinter.printFailure(failure)
            throw ExitCode.failure
        }
        if pdf { try booklets.forEach(renderPDF) }
    }

    private func renderPDF(_ files: BookletOutput) throws {
        let line = "Rendering \(files.pdfFile) with WeasyPrint…"
        let live = isatty(STDERR_FILENO) == 1
        StandardStream.error.write(live ? line : line + "\n")
        do {
            let result = try PDFRenderer(timeout: Double(timeout)).render(html: files.htmlFile.url, to: files.pdfFile.url) { progress in
                guard live else { return }
                var activity = ""
                if progress.writing {
                    activity = "writing the PDF, "
                } else if let page = progress.page {
                    activity = "page \(page)\(progress.pass > 1 ? " (pass \(progress.pass))" : ""), "
                }
                StandardStream.error.write("\r\(line) \(activity)\(Int(progress.seconds)) s\u{1B}[K")
            }
            if live { StandardStream.error.write("\r\u{1B}[K") }
            for message in result.messages { StandardStream.error.write("weasyprint: \(message)\n") }
            say("Wrote \(files.pdfFile) in \(oneDecimal(result.seconds)) s")
        } catch let failure as BuildFailure {
            if live { StandardStream.error.write("\n") }
            DiagnosticPrinter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }

    /// Standard output without buffering, so that it interleaves with the progress line on standard error.
    private func say(_ line: String) {
        StandardStream.output.write(line + "\n")
    }
}
