//! "Did you mean …?" for misspelt keys, slugs and names.

enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let needle = normalised(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(needle, normalised(candidate))
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(2, needle.count / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A hint sentence, or nil when nothing is near.
    static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        nearest(to: word, in: candidates).map { "did you mean '\($0)'?" }
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
