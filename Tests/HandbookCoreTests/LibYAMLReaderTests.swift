//! The libyaml reader against Yams, which wraps the same libyaml: same values, same marks, same
//! errors, on the real content, the theme's strings, the fuzz corpus, tricky cases and mutations.

import Foundation
import Testing
@testable import HandbookCore

@Suite struct LibYAMLReaderTests {
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
        for value in FlatFrontMatterTests.trickyValues {
            for line in ["key: \(value)", "- \(value)", "\(value): v", "[\(value)]", "{k: \(value)}", value] {
                if checkSame("a: 1\n\(line)\n") { taken += 1 }
            }
        }
        // Both readers take many of them: the comparison is not only of their errors.
        #expect(taken > FlatFrontMatterTests.trickyValues.count)
        for document in FlatFrontMatterTests.trickyDocuments {
            checkSame(document)
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

    @Test func fuzzCorpusAndMutationsReadAsYamsReadsThem() throws {
        let iterations = ProcessInfo.processInfo.environment["HANDBOOK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = FuzzTests.Random(state: 20261207)
        let corpus = try FuzzTests.corpus()
        var inputs = corpus
        for _ in 0..<iterations {
            inputs.append(FuzzTests.mutate(corpus[random.below(corpus.count)], with: corpus[random.below(corpus.count)], &random))
        }
        for input in inputs {
            guard case .success(let file) = SourceFile.decode(Data(input), path: "content/tips/500-x.md") else { continue }
            checkSame(file.text)
            if case .success(let frontMatter) = FrontMatter.split(file) { checkSame(frontMatter.yaml) }
        }
    }
}
