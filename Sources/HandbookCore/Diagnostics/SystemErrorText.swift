//! The system's own words for a failed file operation, for messages ("Permission denied").

import FoundationEssentials
import Glibc

enum SystemErrorText {
    /// strerror's text for a POSIX error, also when FileManager wraps one; else the error as Swift prints it.
    static func of(_ error: any Error) -> String {
        if let error = error as? POSIXError { return of(code: error.code.rawValue) }
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return of(code: underlying.code.rawValue)
        }
        return "\(error)"
    }

    /// strerror's text for an `errno` value.
    static func of(code: Int32) -> String { String(cString: strerror(code)) }
}
