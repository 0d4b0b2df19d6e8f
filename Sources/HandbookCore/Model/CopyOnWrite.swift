//! A value kept in one shared box, copied only when a shared box is changed.

/// Holds `value` behind one reference: copying the holder costs one reference count however many
/// strings and arrays the value has, and a change copies the value first only if another holder
/// shares it. `Tip` and `RenderedMarkdown` keep their fields in one, since the build passes them
/// around (pages, summaries, search, booklet) far more often than it changes them.
struct CopyOnWrite<Value: Sendable>: Sendable {
    /// Changed only through `value`'s setter, that is only while no other holder has it, so
    /// sharing it between threads is safe.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        get { box.value }
        set {
            if isKnownUniquelyReferenced(&box) {
                box.value = newValue
            } else {
                box = Box(newValue)
            }
        }
    }
}
