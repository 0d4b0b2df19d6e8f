//! A deterministic handbook of N tips in the real content format, for benchmarks.
//! The text is invented word salad from a small vocabulary; the same N gives the same bytes.

import Foundation

struct ContentGenerator {
    /// SplitMix64: tiny, fast, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    static let themes = ["leadership", "empathy", "flywheel", "never-normal"]
    static let parts = ["The rough diamond", "The clear diamond", "The cut diamond", "The never normal"]
    static let verbs = ["Fix", "Answer", "Promise", "Celebrate", "Measure", "Simplify", "Share", "Explain", "Thank",
                        "Design", "Remove", "Name", "Train", "Rewrite", "Publish", "Visit", "Protect", "Shorten", "Repair", "Map"]
    static let objects = ["the first complaint", "every returning customer", "the waiting time", "your front-line team",
                          "the invoice", "the onboarding email", "the refund rule", "the delivery promise", "the script",
                          "a lost customer", "the return form", "the handover", "a broken promise", "the welcome call",
                          "the fine print", "the service desk", "the angry caller", "the cancellation page", "the survey"]
    static let nouns = ["customer", "colleague", "team", "leader", "promise", "process", "complaint", "delivery",
                        "conversation", "journey", "moment", "habit", "system", "rule", "script", "decision", "visit"]
    static let adjectives = ["small", "clear", "honest", "quick", "patient", "friendly", "careful", "simple",
                             "personal", "visible", "consistent", "warm", "practical", "generous", "calm", "human"]
    static let sentences = [
        "Every {n} is a chance to show what the company really values.",
        "Customers rarely remember the {a} {n}; they remember how it *felt*.",
        "A {a} {n} beats a clever slogan, because people believe what they see.",
        "The goal is not perfection but a {a} and **consistent** way of working.",
        "Write down who owns the {n} and make that name visible to everyone.",
        "If the {n} takes longer than promised, say so before the customer has to ask.",
        "Start with one {n}, not ten, and keep at it for two months.",
        "Measure the {n} from the outside in, the way the customer lives it.",
        "People forgive a mistake much sooner than they forgive indifference.",
        "Technology can take over the routine {n}, leaving time to be human.",
        "A {a} rule that nobody understands is worse than no rule at all.",
        "Solve the {n} first and look for its cause afterwards.",
    ]
    static let headings = ["Why it works", "How to start", "What it looks like", "In practice", "A closer look"]

    let tips: Int
    var chapters: Int { max(9, (tips + 5) / 10) }

    /// Writes `handbook.yml`, `chapters/` and `tips/` into `folder` (which must not exist yet).
    func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("tips"), withIntermediateDirectories: true)
        var random = Random(state: UInt64(tips) &* 7919)
        try config().write(to: folder.appendingPathComponent("handbook.yml"), atomically: false, encoding: .utf8)
        for number in 1...chapters {
            let text = "---\nnumber: \(number)\ntitle: Chapter \(number)\npart: \(Self.parts[(number - 1) * 4 / chapters])\n"
                + "summary: What chapter \(number) is about.\n---\n\(paragraph(&random))\n\n\(paragraph(&random))\n"
            try text.write(to: folder.appendingPathComponent(String(format: "chapters/%02d-chapter-%d.md", number, number)),
                           atomically: false, encoding: .utf8)
        }
        for number in 1...tips {
            let title = "\(random.pick(Self.verbs)) \(random.pick(Self.objects))"
            let slug = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
            try tip(number, title: title, random: &random)
                .write(to: folder.appendingPathComponent(String(format: "tips/%05d-%@.md", number, slug)),
                       atomically: false, encoding: .utf8)
        }
    }

    private func config() -> String {
        var text = "title: Generated handbook\nsubtitle: \(tips) tips for benchmarks\nthemes:\n"
        for slug in Self.themes {
            text += "  - slug: \(slug)\n    title: \(slug.capitalized)\n    description: Tips about \(slug).\n"
        }
        return text + "flywheel: [Ease, Expectations, Problems, Segment of one, Emotion, Community]\n"
    }

    private func tip(_ number: Int, title: String, random: inout Random) -> String {
        let chapter = (number - 1) * chapters / tips + 1
        var themes = [random.pick(Self.themes)]
        if random.int(0...1) == 1 {
            let second = random.pick(Self.themes)
            if second != themes[0] { themes.append(second) }
        }
        var related: [Int] = []
        while related.count < random.int(2...3) && tips > 3 {
            let other = random.int(1...tips)
            if other != number && !related.contains(other) { related.append(other) }
        }
        let step = themes.contains("flywheel") ? "flywheel_step: \(random.int(1...6))\n" : ""
        var body = paragraph(&random) + "\n\n" + paragraph(&random) + "\n\n## \(random.pick(Self.headings))\n\n"
        for _ in 0..<3 { body += "- \(fill(random.pick(Self.sentences), &random))\n" }
        body += "\n> \(fill(random.pick(Self.sentences), &random))\n\n"
        let target = related.first ?? number
        body += paragraph(&random) + " See [](tip:\(target)) for a related idea.\n\n"
        body += paragraph(&random) + "\n\n**Try this:** \(fill(random.pick(Self.sentences), &random).lowercased())\n"
        return "---\nnumber: \(number)\ntitle: \"\(title)\"\nchapter: \(chapter)\nthemes: [\(themes.joined(separator: ", "))]\n"
            + "related: [\(related.map(String.init).joined(separator: ", "))]\nsummary: \(fill(random.pick(Self.sentences), &random))\n"
            + step + "---\n" + body
    }

    private func paragraph(_ random: inout Random) -> String {
        (0..<random.int(4...6)).map { _ in fill(random.pick(Self.sentences), &random) }.joined(separator: " ")
    }

    private func fill(_ template: String, _ random: inout Random) -> String {
        template.replacingOccurrences(of: "{n}", with: random.pick(Self.nouns))
            .replacingOccurrences(of: "{a}", with: random.pick(Self.adjectives))
    }
}
