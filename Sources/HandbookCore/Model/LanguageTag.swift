//! Language tags as a handbook uses them: `en`, `nl`, `nl-BE`, `pt-BR`.

enum LanguageTag {
    /// A primary language of two or three letters, then optional subtags of letters and digits
    /// (BCP 47's shape, without checking the registry): safe as a folder name and in `lang`.
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
