//! A loop that runs on all cores, or on the calling thread when it is already one of many.

import FoundationEssentials
import Dispatch

/// Runs `body` for `0..<iterations` on all cores, or in order when `onAllCores` is false: a job that
/// is itself one iteration of a parallel loop gains nothing from a nested one, every core being busy.
func forEachIteration(_ iterations: Int, onAllCores: Bool, _ body: @Sendable (Int) -> Void) {
    if onAllCores {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    } else {
        for iteration in 0..<iterations { body(iteration) }
    }
}
