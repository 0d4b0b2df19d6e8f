//! Yams, which wraps libyaml too, as the reference `LibYAMLReader` is checked against.

import Yams
@testable import HandbookCore

enum YamsReference {
    /// What Yams makes of `yaml`: the root as a `YAMLValue`, or its error as a `YAMLSyntaxError`
    /// (nil for Yams' duplicate-key error, which `LibYAMLReader` leaves to `YAMLFields`, and for
    /// reader errors, whose offset Yams counts in Characters rather than bytes).
    static func read(_ yaml: String) -> Result<YAMLValue?, YAMLSyntaxError>? {
        do {
            return .success(try Yams.compose(yaml: yaml, .basic).map(value))
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _):
                return .failure(syntaxError(.scanner, problem, mark, context))
            case let .parser(context, problem, mark, _):
                return .failure(syntaxError(.parser, problem, mark, context))
            case let .composer(context, problem, mark, _):
                return .failure(syntaxError(.composer, problem, mark, context))
            default:
                return nil
            }
        } catch {
            return nil
        }
    }

    private static func syntaxError(_ stage: YAMLSyntaxError.Stage, _ problem: String, _ mark: Yams.Mark,
                                    _ context: YamlError.Context?) -> YAMLSyntaxError {
        YAMLSyntaxError(stage: stage, problem: problem, mark: .init(line: mark.line, column: mark.column),
                        context: context?.text, contextMark: context.map { .init(line: $0.mark.line, column: $0.mark.column) })
    }

    static func value(_ node: Node) -> YAMLValue {
        let mark = node.mark.map { YAMLValue.Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            return YAMLValue(.scalar(.init(text: scalar.string, style: style(scalar.style))), at: mark)
        case .sequence(let sequence):
            return YAMLValue(.sequence(sequence.map(value)), at: mark)
        case .mapping(let mapping):
            return YAMLValue(.mapping(mapping.map { YAMLValue.Pair(key: value($0.key), value: value($0.value)) }), at: mark)
        case .alias:
            // Yams' parser gives the anchored node itself for an alias, never this.
            return YAMLValue(.scalar(.init(text: "<alias>", style: .doubleQuoted)), at: mark)
        }
    }

    private static func style(_ style: Node.Scalar.Style) -> YAMLValue.Style {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        case .any, .plain: return .plain
        }
    }
}
