//! A seeded random-input runner: mutates the real tips and the corpus in FuzzCorpus/ and feeds
//! them through decoding, front matter, validation and the Markdown stage. A crash fails the run.
//! HANDBOOK_FUZZ_ITERATIONS sets how many inputs (default 3000); HANDBOOK_FUZZ_SEED the seed.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FuzzTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    /// Fragments that tend to find bugs in front matter, YAML and Markdown handling.
    static let tokens: [[UInt8]] = [
        "---\n", "\n---\n", "\r\n", "\r", "\0", "\t", ": ", "- ", "[", "]", "(tip:", "(tip:999999999999999999999)",
        "(chapter:", "(theme:", "[](tip:1)", "](../", ".md)", "#", "> ", "1. ", "```", "<script>", "&amp;", "{{",
        "}}", "*", "**Try this:**", "&a", "*a", "!!binary ", "? ", "|\n", "'", "\"", "\\", "\u{FEFF}", "é", "日本",
        "\u{202E}", "%2e%2e/", "javascript:", "  ", "\n\n",
    ].map { Array($0.utf8) }

    static func corpus() throws -> [[UInt8]] {
        var inputs: [[UInt8]] = []
        let tips = packageRoot.appendingPathComponent("content/tips")
        for name in try FileManager.default.contentsOfDirectory(atPath: tips.path).sorted() where name.hasSuffix(".md") {
            inputs.append(Array(try Data(contentsOf: tips.appendingPathComponent(name))))
        }
        let extra = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: extra.path).sorted() {
            inputs.append(Array(try Data(contentsOf: extra.appendingPathComponent(name))))
        }
        return inputs
    }

    static func mutate(_ input: [UInt8], with other: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(8) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.below(8))
            case 1: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + random.below(64))
                bytes.removeSubrange(min(position, end)..<end)
            case 3:
                let start = random.below(other.count)
                bytes.insert(contentsOf: other[start..<min(other.count, start + random.below(200))], at: position)
            case 4:
                let token = tokens[random.below(tokens.count)]
                bytes.insert(contentsOf: Array(repeating: token, count: random.below(200)).joined(), at: position)
            default: bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }

    @Test func mutatedTipsNeverCrashTheLoaderOrTheMarkdownStage() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["HANDBOOK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = Random(state: environment["HANDBOOK_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261124)
        let corpus = try Self.corpus()
        let fixture = ContentFixture(ContentFixture.standard())
        let handbook = try #require(fixture.validate().0)
        let renderer = MarkdownRenderer(handbook: handbook, destinations: SiteLinks(handbook: handbook, prefix: "../"))
        var decoded = 0, rendered = 0
        for iteration in 0..<iterations {
            let input = Self.mutate(corpus[random.below(corpus.count)], with: corpus[random.below(corpus.count)], &random)
            let path = "content/tips/fuzz-\(iteration).md"
            guard case .success(let file) = SourceFile.decode(Data(input), path: path) else { continue }
            decoded += 1
            let (tip, _, diagnostics) = ContentDecoder.tip(from: file)
            for diagnostic in diagnostics {
                #expect(diagnostic.location?.file == path)
                #expect(!diagnostic.message.isEmpty)
            }
            // Whatever the front matter did, the Markdown stage gets the body (or the whole text).
            let body = tip?.body ?? file.text
            let (html, _) = renderer.render(body, source: MarkdownSource(file: path, firstLine: 1))
            #expect(!html.html.lowercased().contains("href=\"javascript:"))
            rendered += 1
        }
        #expect(decoded > iterations / 2)
        #expect(rendered == decoded)
    }
}
