//! The flat front matter reader against Yams: same values, same marks, same decoded tips and
//! chapters, same diagnostics, on real content, the fuzz corpus, tricky cases and mutations.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct FlatFrontMatterTests {
    /// Decodes `text` as a tip and as a chapter both ways and compares everything. Returns whether
    /// the flat reader took the front matter (rather than leaving it to Yams).
    @discardableResult
    private func checkSame(_ text: String, path: String = "content/tips/042-x.md",
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let file = SourceFile(path: path, text: text)
        let fastTip = ContentDecoder.tip(from: file, reading: .flatFirst)
        let yamsTip = ContentDecoder.tip(from: file, reading: .libYAMLOnly)
        #expect(render(fastTip) == render(yamsTip), "tip from \(String(reflecting: text))", sourceLocation: sourceLocation)
        let fastChapter = ContentDecoder.chapter(from: file, reading: .flatFirst)
        let yamsChapter = ContentDecoder.chapter(from: file, reading: .libYAMLOnly)
        #expect(render(fastChapter) == render(yamsChapter), "chapter from \(String(reflecting: text))",
                sourceLocation: sourceLocation)

        guard case .success(let frontMatter) = FrontMatter.split(file),
              let flat = FlatFrontMatter.parse(frontMatter.yaml) else { return false }
        // Whatever the flat reader accepts, libyaml reads too, into the same values and marks.
        do {
            let root = try #require(try LibYAMLReader.read(frontMatter.yaml), sourceLocation: sourceLocation)
            let libYAML = try #require(root.mapping, sourceLocation: sourceLocation)
            #expect(flat == libYAML, "values of \(String(reflecting: frontMatter.yaml))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("libyaml rejects what the flat reader took: \(String(reflecting: frontMatter.yaml)): \(error)",
                         sourceLocation: sourceLocation)
        }
        return true
    }

    private func render(_ result: (Tip?, ContentDecoder.TipLocations?, [Diagnostic])) -> String {
        String(reflecting: result.0) + "\n" + String(reflecting: result.1) + "\n"
            + result.2.map(\.description).joined(separator: "\n")
    }

    private func render(_ result: ((Chapter, HandbookCore.SourceLocation)?, [Diagnostic])) -> String {
        String(reflecting: result.0) + "\n" + result.1.map(\.description).joined(separator: "\n")
    }

    private static func contentFiles() throws -> [(String, String)] {
        var files: [(String, String)] = []
        for folder in ["tips", "chapters"] {
            let url = packageRoot.appendingPathComponent("content/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".md") {
                files.append(("content/\(folder)/\(name)", try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        return files
    }

    // MARK: - Real content and the corpus

    @Test func realContentIsReadByTheFlatReaderWithYamsResults() throws {
        let files = try Self.contentFiles()
        #expect(files.count > 100)
        for (path, text) in files {
            #expect(checkSame(text, path: path), "\(path) fell back to Yams")
        }
    }

    @Test func benchmarkStyleQuotedFrontMatterIsReadByTheFlatReader() {
        let text = "---\nnumber: 7\ntitle: \"Say \\\"no\\\": kindly\"\nchapter: 2\nthemes: [empathy, flywheel]\n"
            + "related: [3, 9]\nsummary: \"A summary: with a colon, and a \\\\ backslash.\"\nflywheel_step: 4\n---\nBody\n"
        #expect(checkSame(text))
    }

    @Test func fuzzCorpusGivesTheSameResults() throws {
        for input in try FuzzTests.corpus() {
            guard case .success(let file) = SourceFile.decode(Data(input), path: "content/tips/900-x.md") else { continue }
            checkSame(file.text)
        }
    }

    // MARK: - Hand-written cases

    static let base = [
        "number: 42", "title: The answer", "chapter: 1", "themes: [empathy, flywheel]", "related: [1, 2]",
        "summary: A short summary.", "flywheel_step: 3",
    ]

    /// Values worth a second look, each tried in every field.
    static let trickyValues = [
        "yes", "no", "true", "True", "TRUE", "false", "on", "off", "y", "n", "~", "null", "Null", "NULL", "nULL",
        "\"null\"", "'~'", "''", "\"\"", "", "   ", "012", "0x1F", "0o17", "1_000", "+3", "-3", "- 3", "-", "--3",
        ".inf", "-.inf", ".nan", "1e3", "1.5", "12.0", "\" 12 \"", "'12'", "\"12\"", "12 # note", "12#note",
        "99999999999999999999", "-9223372036854775808", "a: b", "a:b", "a:", "http://example.com/x", "C#", "a #b",
        "a#b", "[a", "[a, b,]", "[]", "[ ]", "[,]", "[a,,b]", "[a b, c]", "[\"a\", 'b''c']", "[-a]", "[- a]", "[a]x",
        "[a] # c", "[a]   ", "[1, \"2\", '3']", "[1, [2]]", "[a: b]", "[a, {b}]", "[a#b]", "[?a]", "[a?]", "[ a , b ]",
        "[\"a\" , 'b' ]", "[\"a\"b]", "[é, 日本]", "{a: 1}", "{}", "\"a \\\"b\\\" c\"", "\"a\\\\b\"", "\"a\\nb\"",
        "\"a\\tb\"", "\"a\\u0041\"", "\"a\\x41\"", "\"\\\"", "'it''s'", "'it's'", "'a\\b'", "\"unterminated", "'open",
        "'x' y", "\"x\" y", "\"x\"y", "\"x\"   ", "\"x\" # c", "é", "日本語", "\u{202E}x", "x\u{A0}", "\u{A0}x",
        "\u{85}x", "a\u{2028}b", "\u{FEFF}x", "😀", "\u{7F}", "a\u{1}b", "&a x", "*a", "!t x", "!!str x", "|", ">",
        "|-", "%x", "@x", "`x`", "?x", "? x", ":x", ",x", "x,y", "a [b] {c}", "a 'b' \"c\"", "a & b", "a * b",
        "a ! b", "a | b", "a > b", "a % b", "a @ b", "\\x", "x\\", "a  b", "  a", "a   ", "a:  b", "a :b",
        "---", "...", "--- x", "a --- b", String(repeating: "long words ", count: 10),
        String(repeating: "x", count: 41), "\"" + String(repeating: "q", count: 45) + "\"",
        "<<", "=", "!", "&", "*", "#", "# just a comment", "'#'", "\"#\"", "[#]", "['#', \"]\"]", "[\"[\", ',']",
    ]

    private static func tip(_ lines: [String]) -> String {
        "---\n" + lines.joined(separator: "\n") + "\n---\nThe body.\n"
    }

    @Test func trickyValuesInEveryField() {
        var flat = 0
        for field in ["number", "title", "chapter", "themes", "related", "summary", "flywheel_step", "draft", "part"] {
            for value in Self.trickyValues {
                var lines = Self.base.filter { !$0.hasPrefix(field + ":") }
                lines.insert(value.isEmpty ? "\(field):" : "\(field): \(value)", at: 2)
                if checkSame(Self.tip(lines)) { flat += 1 }
            }
        }
        // Most of them are in the subset: the comparison is not only of Yams with itself.
        #expect(flat > Self.trickyValues.count * 4)
    }

    static let trickyDocuments = [
        "---\n---\nBody\n", "---\n\n---\nBody\n", "---\n# only a comment\n---\nBody\n", "---\nnumber: 1\n---\n\n",
        "---\nnumber: 1\nnumber: 2\ntitle: A\n---\nBody\n", "---\n title: A\nnumber: 1\n---\nBody\n",
        "---\ntitle: A\n  continued\nnumber: 1\n---\nBody\n", "---\ntitle: A\n\n  continued\nnumber: 1\n---\nBody\n",
        "---\nthemes:\n  - empathy\nnumber: 1\n---\nBody\n", "---\n- a\n- b\n---\nBody\n", "---\njust text\n---\nBody\n",
        "---\n  # indented comment\nnumber: 1\n---\nBody\n", "---\nnumber: 1\ttitle: A\n---\nBody\n",
        "---\n\tnumber: 1\n---\nBody\n", "---\nnumber:\t1\n---\nBody\n", "---\nnumber: 1 \n---\nBody\n",
        "---\nnumber:1\n---\nBody\n", "---\nnumber :1\n---\nBody\n", "---\nnumber : 1\n---\nBody\n",
        "---\nTitle: A\nnumber: 1\n---\nBody\n", "---\ntitel: A\nnumber: 1\n---\nBody\n",
        "---\n_x: y\nnumber: 1\n---\nBody\n", "---\na-b: c\nnumber: 1\n---\nBody\n", "---\n12: c\n---\nBody\n",
        "---\n\"number\": 1\ntitle: A\n---\nBody\n", "---\n'title': A\n---\nBody\n", "---\n? number\n: 1\n---\nBody\n",
        "---\n" + String(repeating: "k", count: 200) + ": 1\n---\nBody\n", "---\n%YAML 1.1\n---\nBody\n",
        "---\nnumber: 1\n--- x\n---\nBody\n", "---\nnumber: 1\n...x\n---\nBody\n",
        "---\ntitle: \"two\nlines\"\nnumber: 1\n---\nBody\n", "---\ntitle: 'two\nlines'\nnumber: 1\n---\nBody\n",
        "---\nthemes: [a,\n  b]\nnumber: 1\n---\nBody\n", "---\nnumber: 1\n\n\n# c\n\ntitle: A\n---\nBody\n",
        "---\nnumber: 1\ntitle: A\n---\n   \n", "---\nnumber: 1\ntitle: A\n---\n",
        "---\nnumber: 1\ntitle: A\nchapter: 1\nthemes: [empathy]\n---\nBody\n",
        "---\nnumber: 1\ntitle: A\nchapter: 1\nthemes: []\n---\nBody\n",
        "---\nnumber: 1\ntitle: é日本 and 😀\nchapter: 1\nthemes: [empathy]\n---\nBody\n",
        "---\ntitle: é\nchapter: x\nthemes: [é, 日本, x]\nrelated: [1, é]\n---\nBody\n",
        "---\nnumber: &n 1\nchapter: *n\n---\nBody\n", "---\nnumber: 1\r\ntitle: A\n---\nBody\n",
        "---\nnumber: 1\ntitle: A\n---", "---\nnumber: 1\ntitle: A", "---", "---\n", "", "\n---\n", " --- \n\t...\t\nBody",
        "---\r\nnumber: 1\r\n---\r\nBody", "---\nnumber: 1\r\n---\nBody", "\u{3000}---\nnumber: 1\n---\u{A0}\nBody",
        "---\nnumber: 1\n-\u{2003}--\n\u{3000}...\nBody", "---\u{301}\nnumber: 1\n---\nBody", "...\nnumber: 1\n---\nBody",
        "---\ntitle: é\n---\nBody é\n", "---\nnumber: 1\n----\n---\nBody",
    ]

    @Test func trickyDocuments() {
        for document in Self.trickyDocuments {
            checkSame(document)
            checkSame(document, path: "content/chapters/03-x.md")
        }
    }

    // MARK: - Mutations

    /// Seeded random inputs: byte-level mutations as in FuzzTests, and line-level ones that swap
    /// values, keys and whole lines of real front matter, which stay in the subset far more often.
    @Test func mutatedFrontMatterGivesTheSameResults() throws {
        let iterations = ProcessInfo.processInfo.environment["HANDBOOK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = FuzzTests.Random(state: 20261125)
        let corpus = try FuzzTests.corpus()
        let files = try Self.contentFiles().map(\.1)
        var flat = 0
        for _ in 0..<iterations {
            let bytes = FuzzTests.mutate(corpus[random.below(corpus.count)], with: corpus[random.below(corpus.count)], &random)
            if case .success(let file) = SourceFile.decode(Data(bytes), path: "content/tips/500-x.md") {
                checkSame(file.text)
            }
            if checkSame(Self.mutateLines(files[random.below(files.count)], &random)) { flat += 1 }
        }
        #expect(flat > iterations / 5)
    }

    private static func mutateLines(_ text: String, _ random: inout FuzzTests.Random) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let closing = lines.dropFirst().firstIndex(of: "---"), closing > 1 else { return text }
        for _ in 0...random.below(3) {
            let index = 1 + random.below(closing - 1)
            let line = lines[index]
            let key = line.prefix { $0 != ":" }
            switch random.below(7) {
            case 0: lines[index] = "\(key): \(trickyValues[random.below(trickyValues.count)])"
            case 1: lines[index] = "\(base[random.below(base.count)].prefix { $0 != ":" }):"
                + line.drop { $0 != ":" }.dropFirst()
            case 2: lines[index] = lines[1 + random.below(closing - 1)]
            case 3:
                var characters = Array(line)
                let token = String(decoding: FuzzTests.tokens[random.below(FuzzTests.tokens.count)], as: UTF8.self)
                characters.insert(contentsOf: token.filter { $0 != "\n" }, at: random.below(characters.count + 1))
                lines[index] = String(characters)
            case 4: lines[index] = String(line.prefix(random.below(line.count + 1)))
            case 5: lines[index] = "\(key): \"\(line.drop { $0 != ":" }.dropFirst().drop { $0 == " " })\""
            default: lines[index] = "\(key): [\(trickyValues[random.below(trickyValues.count)]), 7]"
            }
        }
        return lines.joined(separator: "\n")
    }
}
