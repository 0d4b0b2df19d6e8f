//! Prints diagnostics to standard error, compiler-style, and a count at the end.

import FoundationEssentials
import HandbookCore

enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            StandardStream.error.write(diagnostic.description + "\n")
        }
    }

    static func printFailure(_ failure: BuildFailure) {
        print(failure.diagnostics)
        printCount(failure)
    }

    /// `2 errors, 1 warning; nothing was written.`
    static func printCount(_ failure: BuildFailure) {
        let errors = failure.errors.count
        let warnings = failure.diagnostics.count - errors
        var line = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        StandardStream.error.write("\(line); nothing was written.\n")
    }
}
