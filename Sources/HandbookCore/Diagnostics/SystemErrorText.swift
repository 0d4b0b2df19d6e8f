//! The system's own words for a failed file operation, for messages ("Permission denied").

import FoundationEssentials
import Glibc

enum SystemErrorText {
    /// strerror's text for a POSIX error, also when FileManager wraps one; else the error as Swift prints it.
    static func of(_ error: any Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return "\(error)"
    }
}
