//! Freeing large values on another thread.

import FoundationEssentials
import Dispatch

/// Lets a background thread drop the last reference to `value`, so that freeing it (for a large
/// handbook, tens of thousands of strings and arrays) happens beside the build instead of on
/// the one thread that waits between two parallel steps. The caller must hold no other copy:
/// pass a local with `consume`, or the caller's own copy may be the last one, freed where it is.
func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let value = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
