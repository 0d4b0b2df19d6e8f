//! A loop that runs on all cores, or on the calling thread when it is already one of many.

import FoundationEssentials
import Dispatch

/// Runs `body` for `0..<iterations`: on all cores (`concurrentPerform`) when `onAllCores`, else
/// in order on the calling thread.
///
/// A job that is itself one iteration of a parallel loop (the search index beside the pages)
/// asks for a plain loop: every core is already busy with the outer loop, so a nested
/// `concurrentPerform` cannot add speed (it ran its iterations one after another there).
func forEachIteration(_ iterations: Int, onAllCores: Bool, _ body: @Sendable (Int) -> Void) {
    if onAllCores {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    } else {
        for iteration in 0..<iterations { body(iteration) }
    }
}
