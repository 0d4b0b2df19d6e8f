//! The readdir listing that replaced FileManager's enumerator lists what the enumerator lists.

import Foundation
import Testing
@testable import HandbookCore

struct FolderListingTests {
    @Test func everyPathIsWhatFileManagerEnumerates() throws {
        let folder = TemporaryDirectory()
        for file in ["layout.mustache", "partials/head.mustache", "partials/deeper/nav.mustache", ".hidden.mustache",
                     "notes.txt", "a folder/with space.mustache"] {
            folder.write("x", to: "root/" + file)
        }
        let root = folder.file("root")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        folder.write("outside", to: "elsewhere/linked.mustache")
        // Symlinks are listed, not entered.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked folder").path,
                                                   withDestinationPath: folder.file("elsewhere").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias.mustache").path,
                                                   withDestinationPath: root.appendingPathComponent("layout.mustache").path)

        let listed = try #require(FolderListing.everyPath(under: root.path))
        let enumerated = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        #expect(listed == enumerated.sorted())
        #expect(listed.contains("partials/deeper/nav.mustache"))
        #expect(listed.contains("linked folder") && !listed.contains("linked folder/linked.mustache"))
    }

    @Test func aMissingFolderIsNil() {
        #expect(FolderListing.everyPath(under: "/nonexistent-handbook-folder") == nil)
        #expect(FolderListing.entries(of: "/nonexistent-handbook-folder") == nil)
    }
}
