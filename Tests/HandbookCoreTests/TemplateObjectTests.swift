//! `TemplateObject` must behave as the `[String: TemplateValue]` it replaced.

import Testing
@testable import HandbookCore

@Suite struct TemplateObjectTests {
    @Test func setsReplacesAndRemovesLikeADictionary() {
        var object: TemplateObject = ["title": "One", "count": 2]
        object["title"] = "Two"
        object["new"] = true
        object["count"] = nil
        #expect(object["title"] == "Two" && object["new"] == true && object["count"] == nil)
        #expect(object.keys.count == 2 && Set(object.keys) == ["title", "new"])
        #expect(TemplateObject(["title": "Two", "new": true]) == object)
    }

    @Test func aRepeatedLiteralKeyKeepsTheLastValue() {
        let object: TemplateObject = ["a": 1, "a": 2]
        #expect(object.keys.count == 1 && object["a"] == 2)
    }

    @Test func equalityIgnoresOrder() {
        let forward: TemplateObject = ["a": 1, "b": "x", "c": [1, 2]]
        let backward: TemplateObject = ["c": [1, 2], "b": "x", "a": 1]
        #expect(forward == backward)
        #expect(forward != ["a": 1, "b": "y", "c": [1, 2]])
        #expect(forward != ["a": 1, "b": "x"])
    }

    @Test func mergeLetsTheCombinerDecide() {
        var shared: TemplateObject = ["root": "../", "title": "Shared"]
        shared.merge(["title": "Own", "extra": 1]) { $1 }
        #expect(shared == ["root": "../", "title": "Own", "extra": 1])
        let kept = TemplateObject(["title": "Shared"]).merging(["title": "Own"]) { first, _ in first }
        #expect(kept["title"] == "Shared")
    }

    // A Dictionary finds "café" under either spelling of "é"; so must the object (template tag
    // names are ASCII, but code may look any name up).
    @Test func namesThatAreCanonicallyEqualMeet() {
        let object: TemplateObject = ["caf\u{E9}": "precomposed", "plain": "ascii"]
        #expect(object["cafe\u{301}"] == "precomposed")
        #expect(object["plain"] == "ascii" && object["plaín"] == nil)
    }

    @Test func theRendererFindsNamesInObjectsAndDottedPaths() throws {
        let library = try TemplateLibrary(templates: ["page": "{{a}}|{{b.c}}|{{#list}}{{name}}{{root}}{{/list}}|{{b.missing}}{{missing}}"])
        let context: TemplateValue = .object(["a": "1", "b": .object(["c": "2"]), "root": "R",
                                              "list": [.object(["name": "x"]), .object(["name": "y"])]])
        #expect(library.render("page", context) == "1|2|xRyR|")
    }

    /// Every name set is found, and names never set, or removed, are not.
    @Test func findsEveryNameItHoldsAndNoOther() {
        var object = TemplateObject()
        let names = (0..<300).map { "field_\($0)" }
        for (index, name) in names.enumerated() { object[name] = .int(index) }
        var other = TemplateObject()
        other.merge(object) { $1 }
        for (index, name) in names.enumerated() {
            #expect(object[name] == .int(index) && other[name] == .int(index))
        }
        #expect((0..<300).allSatisfy { object["missing_\($0)"] == nil })
        for name in names where name.hasSuffix("7") { object[name] = nil }
        for (index, name) in names.enumerated() {
            #expect(object[name] == (name.hasSuffix("7") ? nil : .int(index)))
        }
        #expect(TemplateObject(["x": "1"])["x"] == "1" && TemplateObject(["x": "1"])["y"] == nil)
    }
}
