//! One "See also" list per tip, instead of "Related tips" beside a "Referenced by" that repeated it.

enum SeeAlso {
    /// By tip position: the tip's own `related` tips in their order, then the tips that list it
    /// as related without being listed back (a one-way pair is shown both ways), then the tips
    /// whose text links to it; each tip once, never the tip itself.
    static func lists(_ handbook: Handbook, referencedBy: [Int: [Int]]) -> [[Int]] {
        var listedBy: [Int: [Int]] = [:]
        for tip in handbook.tips {
            for number in tip.related { listedBy[number, default: []].append(tip.number) }
        }
        return handbook.tips.map { tip in
            var seen: Set<Int> = [tip.number]
            var positions: [Int] = []
            for number in tip.related + (listedBy[tip.number] ?? []) + (referencedBy[tip.number] ?? []) {
                guard seen.insert(number).inserted, let position = handbook.tipPosition(number: number) else { continue }
                positions.append(position)
            }
            return positions
        }
    }
}
