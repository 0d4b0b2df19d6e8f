//! PDFRenderer's failures: WeasyPrint missing, failing, or too slow, and never a half-written PDF.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct BookletPDFRendererTests {
    /// A folder with a fake `weasyprint` script, to stand in for the real one.
    private func fakeWeasyPrint(_ script: String, in directory: TemporaryDirectory) {
        directory.write("#!/bin/sh\n" + script + "\n", to: "bin/weasyprint")
        chmod(directory.file("bin/weasyprint").path, 0o755)
    }

    private func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let failure as BuildFailure { return failure.description } catch { return "\(error)" }
        return nil
    }

    private func leftovers(_ directory: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.file("out").path)) ?? []).filter { $0.contains("pdf") }
    }

    // Without WeasyPrint, one line that names the install command.
    @Test func missingWeasyPrintNamesTheInstallCommand() {
        let directory = TemporaryDirectory()
        let renderer = PDFRenderer(searchPath: directory.file("empty").path)
        let text = message { _ = try renderer.render(html: directory.file("index.html"), to: directory.file("booklet.pdf")) }
        #expect(text == "error: WeasyPrint is not installed, so the PDF cannot be made; install it with: apt-get install -y weasyprint")
    }

    // A failing WeasyPrint is reported with its own message, and its partial output is removed.
    @Test func failureIsReportedWithWeasyPrintsMessage() throws {
        let directory = TemporaryDirectory()
        directory.write("<p>x</p>", to: "out/index.html")
        fakeWeasyPrint("""
            for last; do :; done
            echo 'half a PDF' > "$last"
            echo 'Traceback (most recent call last):' >&2
            echo '  File "weasyprint", line 1' >&2
            echo 'ValueError: the stylesheet is broken' >&2
            exit 1
            """, in: directory)
        let renderer = PDFRenderer(searchPath: directory.file("bin").path)
        let text = try #require(message {
            _ = try renderer.render(html: directory.file("out/index.html"), to: directory.file("out/booklet.pdf"))
        })
        #expect(text.hasPrefix("error: WeasyPrint failed: ValueError: the stylesheet is broken"))
        #expect(leftovers(directory).isEmpty)
    }

    // A WeasyPrint that hangs is stopped at the time limit, and leaves nothing behind.
    @Test func slowWeasyPrintIsStopped() throws {
        let directory = TemporaryDirectory()
        directory.write("<p>x</p>", to: "out/index.html")
        fakeWeasyPrint("""
            for last; do :; done
            echo 'partial' > "$last"
            exec sleep 30
            """, in: directory)
        let renderer = PDFRenderer(timeout: 1, searchPath: directory.file("bin").path)
        let start = Date()
        let text = try #require(message {
            _ = try renderer.render(html: directory.file("out/index.html"), to: directory.file("out/booklet.pdf"))
        })
        #expect(text.contains("WeasyPrint did not finish within 1 s and was stopped"))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(leftovers(directory).isEmpty)
    }

    // A successful run replaces the PDF in one rename and reports progress and WeasyPrint's warnings.
    @Test func successRenamesIntoPlace() throws {
        let directory = TemporaryDirectory()
        directory.write("<p>x</p>", to: "out/index.html")
        directory.write("old", to: "out/booklet.pdf")
        fakeWeasyPrint("""
            for last; do :; done
            echo 'INFO: Step 5 - Creating layout - Page 1' >&2
            echo 'WARNING: Ignored `foo: bar` at 1:5, unknown property.' >&2
            sleep 1.5
            echo '%PDF-1.7' > "$last"
            """, in: directory)
        let renderer = PDFRenderer(searchPath: directory.file("bin").path)
        var pages: [Int] = []
        let result = try renderer.render(html: directory.file("out/index.html"), to: directory.file("out/booklet.pdf")) {
            if let page = $0.page { pages.append(page) }
        }
        #expect(directory.read("out/booklet.pdf") == "%PDF-1.7\n")
        #expect(result.messages == ["WARNING: Ignored `foo: bar` at 1:5, unknown property."])
        #expect(pages.contains(1))
        #expect(leftovers(directory) == ["booklet.pdf"])
    }
}
