//! The `handbook` program asks mimalloc for 2 MiB pages before anything allocates, unless the
//! user's environment sets the options itself (CAllocatorTuning.c says why).

import Foundation
import Testing

@Suite struct AllocatorTuningTests {
    /// mimalloc's own report of its options (`MIMALLOC_VERBOSE=1`), as `name: value`.
    static func mimallocOptions(environment: [String: String]) throws -> [String: String] {
        let run = try CLITests.run(["--help"], in: URL(fileURLWithPath: NSTemporaryDirectory()),
                                   environment: environment.merging(["MIMALLOC_VERBOSE": "1"]) { first, _ in first })
        #expect(run.status == 0)
        var options: [String: String] = [:]
        for line in run.stderr.split(separator: "\n") where line.hasPrefix("mimalloc: option '") {
            let parts = line.dropFirst("mimalloc: option '".count).split(separator: "'", maxSplits: 1)
            guard parts.count == 2 else { continue }
            options[String(parts[0])] = parts[1].drop { $0 == ":" || $0 == " " }.description
        }
        return options
    }

    /// mimalloc 2.1 renamed `large_os_pages` to `allow_large_os_pages`.
    static func largePages(_ options: [String: String]) -> String? {
        options["large_os_pages"] ?? options["allow_large_os_pages"]
    }

    @Test func largePagesAreOnFromTheStart() throws {
        let options = try Self.mimallocOptions(environment: [:])
        #expect(!options.isEmpty, "the program is not linked with mimalloc, or it printed no options")
        #expect(Self.largePages(options) == "1")
        #expect(options["eager_commit_delay"] == "0")
    }

    @Test func theUsersEnvironmentWins() throws {
        let options = try Self.mimallocOptions(environment: ["MIMALLOC_LARGE_OS_PAGES": "0",
                                                             "MIMALLOC_ALLOW_LARGE_OS_PAGES": "0",
                                                             "MIMALLOC_EAGER_COMMIT_DELAY": "2"])
        #expect(Self.largePages(options) == "0")
        #expect(options["eager_commit_delay"] == "2")
    }
}
