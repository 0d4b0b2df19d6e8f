//! A theme's templates, parsed once and shared by every page render.

/// Templates by name (`layout`, `partials/header`), shared by every rendering thread. A partial
/// or parent that is not in the library renders nothing.
public struct TemplateLibrary: Sendable {
    let templates: [String: [TemplateNode]]

    /// Throws the first problem of each template that cannot be parsed, sorted by template name.
    public init(templates texts: [String: String]) throws(TemplateErrors) {
        var templates: [String: [TemplateNode]] = [:]
        var errors: [TemplateError] = []
        for (name, text) in texts {
            do {
                templates[name] = try TemplateParser.parse(text, name: name)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors.sorted { $0.name < $1.name }) }
        self.templates = templates
    }

    public func hasTemplate(_ name: String) -> Bool { templates[name] != nil }

    /// Renders template `name`, or returns nil when there is no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders template `name` as UTF-8 bytes, for writing to a file.
    public func renderUTF8(_ name: String, _ context: TemplateValue) -> [UInt8]? {
        var output: [UInt8] = []
        return render(name, layers: [context], into: &output) ? output : nil
    }

    /// Renders into `output`, keeping its storage; false when there is no such template or the
    /// page grew past `TemplateRenderer.maxOutput`. `layers`: see `TemplateRenderer.init`.
    func render(_ name: String, layers: [TemplateValue], into output: inout [UInt8]) -> Bool {
        guard let template = templates[name] else { return false }
        var buffer: [UInt8] = []
        swap(&buffer, &output)  // moved, not copied: a second reference would make the renderer copy it
        var renderer = TemplateRenderer(library: self, layers: layers, output: buffer)
        renderer.render(template)
        output = renderer.output
        return !renderer.overflowed
    }
}

/// A template that cannot be parsed: where, and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    /// 1-based, the column in characters.
    public let line: Int
    public let column: Int
    public let message: String
    public let lineText: String

    public var description: String { "\(name):\(line):\(column): \(message)" }
}

/// Every template that could not be parsed, one error each, sorted by template name.
public struct TemplateErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [TemplateError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
