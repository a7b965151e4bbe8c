/// Item ids grouped by key, flat: the items of key k are `items[offsets[k] ..< offsets[k + 1]]`, in the
/// order they were visited. Built by counting, then filling: one array for all keys (an array per key
/// was a million allocations on a large index).
struct FlatGroups: Sendable {
    let items: [UInt32]
    let offsets: [UInt32]

    /// - Parameter forEachKey: calls its second argument with each key of item i (an item may belong to
    ///   several keys, once to each).
    init(keys keyCount: Int, items itemCount: Int, forEachKey: (_ item: Int, _ key: (Int) -> Void) -> Void) {
        var counts = [UInt32](repeating: 0, count: keyCount + 1)
        for i in 0..<itemCount { forEachKey(i) { counts[$0 + 1] += 1 } }
        for k in 0..<keyCount { counts[k + 1] += counts[k] }
        var fill = counts
        var flat = [UInt32](repeating: 0, count: Int(counts[keyCount]))
        for i in 0..<itemCount {
            forEachKey(i) { k in
                flat[Int(fill[k])] = UInt32(i)
                fill[k] += 1
            }
        }
        items = flat
        offsets = counts
    }
}
