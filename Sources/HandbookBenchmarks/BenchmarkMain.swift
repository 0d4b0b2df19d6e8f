//! `swift build -c release --static-swift-stdlib --product HandbookBenchmarks && .build/release/HandbookBenchmarks [--sizes 100,1000,10000] [--runs 5] [--work DIR]`
//!
//! Generates handbooks of N tips, runs the full build several times for each, and prints the
//! median, min and max wall time, CPU time and the process's peak memory so far.

import Foundation
import HandbookCore

@main
struct BenchmarkMain {
    static func main() throws {
        let arguments = Arguments(CommandLine.arguments.dropFirst())
        let work = URL(fileURLWithPath: arguments.work)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let theme = arguments.theme
        print("size   step                 median ms    min ms    max ms    cpu ms   peak MiB   runs")
        for size in arguments.sizes {
            let content = work.appendingPathComponent("content-\(size)")
            try ContentGenerator(tips: size).write(to: content)
            let options = BuildOptions(content: UserPath(url: content, shown: "content"), theme: UserPath(theme),
                                       output: UserPath(url: work.appendingPathComponent("site-\(size)"), shown: "site"))
            _ = try SiteBuilder.build(options) // warm-up: file cache, first allocations
            let full = try measure(runs: arguments.runs) {
                try? FileManager.default.removeItem(at: options.output.url)
                _ = try SiteBuilder.build(options)
            }
            report(size: size, step: "full build", full)
            try? FileManager.default.removeItem(at: options.output.url)
            for (step, milliseconds) in try stepTimes(options) {
                print(String(format: "%-6d   %-20@ %8.1f", size, step as NSString, milliseconds))
            }
            let prepare = try measure(runs: arguments.runs) { _ = try SiteBuilder.prepare(options) }
            report(size: size, step: "load+validate+md", prepare)
        }
        try? FileManager.default.removeItem(at: work)
    }

    /// One build, timed step by step through its progress reports.
    static func stepTimes(_ options: BuildOptions) throws -> [(String, Double)] {
        var steps: [(String, Double)] = []
        var current: (String, UInt64)?
        func close() {
            if let (name, start) = current {
                steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
            }
        }
        _ = try SiteBuilder.build(options) { name in
            close()
            current = (name, DispatchTime.now().uptimeNanoseconds)
        }
        close()
        return steps
    }

    struct Sample {
        var wall: [Double] = []
        var cpu: [Double] = []
    }

    static func measure(runs: Int, _ body: () throws -> Void) throws -> Sample {
        var sample = Sample()
        for _ in 0..<runs {
            let cpuBefore = cpuSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            sample.wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            sample.cpu.append((cpuSeconds() - cpuBefore) * 1000)
        }
        return sample
    }

    static func report(size: Int, step: String, _ sample: Sample) {
        let line = String(format: "%-6d %-18@ %10.1f %9.1f %9.1f %9.1f %10.1f %6d", size, step as NSString,
                          median(sample.wall), sample.wall.min() ?? 0, sample.wall.max() ?? 0, median(sample.cpu),
                          peakMiB(), sample.wall.count)
        print(line)
        fflush(nil)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The kernel's high-water mark of resident memory for this process, in MiB.
    static func peakMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// The few options the benchmark takes.
struct Arguments {
    var sizes = [100, 1000, 10000]
    var runs = 5
    var work = "/tmp/handbook-bench"
    var theme = "themes/default"

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes": sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--work": work = iterator.next() ?? work
            case "--theme": theme = iterator.next() ?? theme
            default:
                print("usage: HandbookBenchmarks [--sizes 100,1000,10000] [--runs 5] [--work DIR] [--theme DIR]")
                exit(2)
            }
        }
    }
}
