//! The program's version, printed by `handbook --version`.

enum Version {
    /// Raised with each release; the one place it is written.
    static let current = "0.9.0"
}
