//! "Did you mean …?" for misspelt keys, slugs and names.

enum Suggestion {
    /// "did you mean '…'?" for the candidate nearest to `word`, when it is a plausible typo.
    static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        let needle = normalised(word)
        guard let best = candidates.map({ (candidate: $0, distance: editDistance(needle, normalised($0))) })
            .min(by: { $0.distance < $1.distance }), best.distance <= max(2, needle.count / 3) else { return nil }
        return "did you mean '\(best.candidate)'?"
    }

    private static func normalised(_ text: String) -> [Character] {
        Array(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// Levenshtein distance; the words compared here are short.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
