//! The booklet's PDF reads only files of the site it prints (issue 23, fault 6): a link or image
//! in raw HTML that leads out of the site is not fetched, so no local file ends up in the PDF.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct BookletPDFFetchTests {
    @Test func aFileOutsideTheSiteIsNeverEmbedded() throws {
        let renderer = PDFRenderer(timeout: 600)
        guard renderer.locate() != nil else {
            Issue.record("WeasyPrint is not installed; install it with: \(PDFRenderer.installCommand) poppler-utils")
            return
        }
        let fixture = ContentFixture(ContentFixture.standard([
            "handbook.yml": ContentFixture.config + "unsafe_html: true\n",
            "tips/004-x.md": ContentFixture.tip(4, related: "[1]", body: """
                See <a rel="attachment" href="../../secret.txt">the notes</a> and
                <a rel="attachment" href="../index.html">the home page</a>.

                **How you'll know:** a sign.
                """),
        ]))
        fixture.directory.write("TOP-SECRET", to: "secret.txt")
        try SiteBuilder.build(fixture.options)
        let booklet = fixture.directory.file("site/booklet")
        _ = try renderer.render(html: booklet.appendingPathComponent("index.html"), to: booklet.appendingPathComponent("booklet.pdf"))
        let attachments = try BookletSupport.run("pdfdetach", ["-list", booklet.appendingPathComponent("booklet.pdf").path])
        // The site's own page may be attached; the file beside the site may not.
        #expect(attachments.contains("1 embedded files"), "\(attachments)")
        #expect(attachments.contains("index.html"))
        #expect(!attachments.contains("secret.txt"))
    }
}
