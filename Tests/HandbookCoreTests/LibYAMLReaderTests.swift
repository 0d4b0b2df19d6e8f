//! The libyaml reader against Yams, which wraps the same libyaml: same values, same marks, same
//! errors, on the real content, the theme's strings, the fuzz corpus, tricky cases and mutations.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct LibYAMLReaderTests {
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

    private func read(_ yaml: String) -> Result<YAMLValue?, YAMLSyntaxError> {
        Result { () throws(YAMLSyntaxError) in try LibYAMLReader.read(yaml) }
    }

    /// Returns whether Yams took the text (rather than refusing it).
    @discardableResult
    private func checkSame(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let ours = read(yaml)
        // Yams' duplicate-key error stops it where libyaml reads on.
        guard let reference = YamsReference.read(yaml) else { return false }
        #expect(ours == reference, "\(String(reflecting: yaml))", sourceLocation: sourceLocation)
        if case .success = reference { return true }
        return false
    }

    private static func files(in folder: String, ending suffix: String) throws -> [String] {
        let url = packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().filter { $0.hasSuffix(suffix) }
            .map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func realContentAndTheThemesStringsReadAsYamsReadsThem() throws {
        var texts = try Self.files(in: "content/tips", ending: ".md") + Self.files(in: "content/chapters", ending: ".md")
        texts = texts.compactMap { text in
            guard case .success(let frontMatter) = FrontMatter.split(SourceFile(path: "content/tips/1-x.md", text: text)) else { return nil }
            return frontMatter.yaml
        }
        #expect(texts.count > 100)
        texts += try Self.files(in: "content", ending: ".yml") + Self.files(in: "themes/default/strings", ending: ".yml")
            + Self.files(in: "themes/default/booklet/strings", ending: ".yml")
        for text in texts {
            #expect(checkSame(text))
        }
    }

    @Test func trickyValuesAndDocumentsReadAsYamsReadsThem() {
        var taken = 0
        for value in Self.trickyValues {
            for line in ["key: \(value)", "- \(value)", "\(value): v", "[\(value)]", "{k: \(value)}", value] {
                if checkSame("a: 1\n\(line)\n") { taken += 1 }
            }
        }
        // Both readers take many of them: the comparison is not only of their errors.
        #expect(taken > Self.trickyValues.count)
        for document in Self.trickyDocuments {
            checkSame(document)
            if case .success(let frontMatter) = FrontMatter.split(SourceFile(path: "content/tips/1-x.md", text: document)) {
                checkSame(frontMatter.yaml)
            }
        }
        for text in ["", "# only a comment\n", "---\n", "a: 1\n---\nb: 2\n", "a: &x [1, 2]\nb: *x\nc: *x\n", "a: *x\n",
                     "a: &x [*x]\n", "a: &x 1\nb: &x 2\nc: *x\n", "a:\n  b:\n    - c\n    - d: e\n", "a: |\n  one\n  two\n",
                     "a: >-\n  one\n  two\n", "a: !!str 12\nb: !custom x\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n",
                     "a: b: c\n", "a: [1\n", "\ta: 1\n", "a: 'x\n", "a:\n- 1\n - 2\n", "? [a]\n: b\n", "a: 1\na: 2\n"] {
            checkSame(text)
        }
    }

    @Test func aRepeatedKeyIsReadForYAMLFieldsToReport() throws {
        let mapping = try #require(try LibYAMLReader.read("a: 1\na: 2\n")?.mapping)
        #expect(mapping.map { $0.key.mark?.line } == [1, 2])
    }

    @Test func anAliasIsItsAnchorsValueAndASecondDocumentIsAnError() throws {
        let mapping = try #require(try LibYAMLReader.read("a: &x [1, 2]\nb: *x\n")?.mapping)
        #expect(mapping[1].value == mapping[0].value)
        #expect(mapping[1].value.mark == YAMLValue.Mark(line: 1, column: 4))
        #expect(read("a: *y\n") == .failure(YAMLSyntaxError(stage: .composer, problem: "found undefined alias",
                                                            mark: .init(line: 1, column: 4))))
        #expect(read("a: 1\n---\nb: 2\n") == .failure(YAMLSyntaxError(
            stage: .composer, problem: "but found another document", mark: .init(line: 2, column: 1),
            context: "expected a single document in the stream", contextMark: .init(line: 1, column: 1))))
    }

    @Test func aControlCharacterIsPlacedByItsByte() {
        guard case .failure(let error) = read("a: é\nb: x\u{1}\n") else {
            Issue.record("a control character was read")
            return
        }
        #expect(error.stage == .reader)
        #expect(error.problem == "control characters are not allowed")
        #expect(error.mark == YAMLValue.Mark(line: 2, column: 5))
    }

    // MARK: - Mutations

    /// Seeded random inputs: byte-level mutations as in FuzzTests, and line-level ones that swap
    /// values, keys and whole lines of real front matter, which stay valid YAML far more often.
    @Test func fuzzCorpusAndMutationsReadAsYamsReadsThem() throws {
        let iterations = ProcessInfo.processInfo.environment["HANDBOOK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = FuzzTests.Random(state: 20261207)
        let corpus = try FuzzTests.corpus()
        let tips = try Self.files(in: "content/tips", ending: ".md")
        var inputs = corpus
        for _ in 0..<iterations {
            inputs.append(FuzzTests.mutate(corpus[random.below(corpus.count)], with: corpus[random.below(corpus.count)], &random))
            inputs.append(Array(Self.mutateLines(tips[random.below(tips.count)], &random).utf8))
        }
        var taken = 0
        for input in inputs {
            guard case .success(let file) = SourceFile.decode(Data(input), path: "content/tips/500-x.md") else { continue }
            checkSame(file.text)
            if case .success(let frontMatter) = FrontMatter.split(file), checkSame(frontMatter.yaml) { taken += 1 }
        }
        #expect(taken > iterations / 5)
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
