//! HandbookCore is a library other packages can use: SwiftPM refuses a dependency by version whose
//! library targets carry unsafe build flags, so the link choices belong to the programs alone.

import Foundation
import Testing

@Suite struct LibraryPackageTests {
    /// The manifest as SwiftPM reads it (`swift package dump-package`), with a scratch folder of
    /// its own: the package's `.build` is locked by the `swift test` running this.
    static func manifest() throws -> [String: Any] {
        let scratch = TemporaryDirectory()
        let json = try BookletSupport.run("swift", ["package", "--package-path", packageRoot.path,
                                                    "--scratch-path", scratch.path, "dump-package"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func theLibrarysTargetsCarryNoUnsafeFlags() throws {
        let manifest = try Self.manifest()
        let targets = Dictionary(uniqueKeysWithValues: (manifest["targets"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) })
        func unsafeFlags(of name: String) -> [String] {
            (targets[name]?["settings"] as? [[String: Any]] ?? []).compactMap { setting in
                ((setting["kind"] as? [String: Any])?["unsafeFlags"] as? [String: Any])?["_0"] as? [String]
            }.flatMap { $0 }
        }
        // HandbookCore and every target of this package it depends on, however deep.
        var closure: [String] = []
        var pending = ["HandbookCore"]
        while let name = pending.popLast() {
            guard !closure.contains(name) else { continue }
            closure.append(name)
            for dependency in targets[name]?["dependencies"] as? [[String: Any]] ?? [] {
                if let local = (dependency["byName"] ?? dependency["target"]) as? [Any], let name = local.first as? String {
                    pending.append(name)
                }
            }
        }
        #expect(Set(closure) == ["HandbookCore", "CCmark", "CFileSystem", "CUTF8Proc", "CYAML"])
        for name in closure {
            #expect(unsafeFlags(of: name).isEmpty, "\(name) has unsafe flags: \(unsafeFlags(of: name))")
        }
        // The programs keep theirs (lld, the release flags): the check above would see them.
        #expect(unsafeFlags(of: "HandbookCLI").contains("-use-ld=lld"))
    }
}
