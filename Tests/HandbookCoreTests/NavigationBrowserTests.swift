//! The way around the handbook in headless Chromium: the contents panel and its drawer, the
//! all-tips filters, one See also, copy link, the colour switch and printing one tip. The checks
//! are in Tests/BrowserTests/navigation_checks.py; this test builds the site and runs it.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct NavigationBrowserTests {
    @Test(.enabled(if: SearchBrowserTests.available, "needs chromium and python3 on PATH (apt-get install -y chromium python3)"),
          .timeLimit(.minutes(2)))
    func findingTheWayWorksInChromium() throws {
        let directory = TemporaryDirectory()
        let site = directory.file("site")
        try BrowserChecks.build("content", into: site)
        let (status, output) = try BrowserChecks.run("navigation_checks.py", [site.path])
        #expect(status == 0, "navigation checks failed:\n\(output)")
    }
}
