/// Keeps the `k` first elements of `items` in `areInOrder` order, as `sort` + `prefix(k)` would, in
/// O(n) expected time: on a large index a common query token brings thousands of candidate names,
/// and sorting them all to keep 100 was a tenth of the query.
func keepFirst<T>(_ k: Int, of items: inout [T], by areInOrder: (T, T) -> Bool) {
    guard k < items.count else {
        items.sort(by: areInOrder)
        return
    }
    guard k > 0 else { items.removeAll(); return }
    partitionFirst(k, of: &items, by: areInOrder)
    items.removeSubrange(k...)
    items.sort(by: areInOrder)
}

/// Moves the `k` first elements of `items` in `areInOrder` order to its front, in no particular order
/// among themselves (`0 < k < items.count`).
func partitionFirst<T>(_ k: Int, of items: inout [T], by areInOrder: (T, T) -> Bool) {
    items.withUnsafeMutableBufferPointer { a in
        // Quickselect (Hoare partition, median-of-three pivot) until a[..<k] holds the k first.
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if areInOrder(a[mid], a[lo]) { a.swapAt(mid, lo) }
            if areInOrder(a[hi], a[lo]) { a.swapAt(hi, lo) }
            if areInOrder(a[hi], a[mid]) { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while areInOrder(a[i], pivot) { i += 1 }
                while areInOrder(pivot, a[j]) { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            // a[lo...j] come before or tie the pivot, a[i...hi] after or tie it; between them, ties.
            if k - 1 <= j { hi = j } else if k - 1 >= i { lo = i } else { break }
        }
    }
}

/// A name retrieval reached, its rank folded into one integer so that choosing the first hundred of
/// thousands compares integers: the collected weight first (higher first), then, once looked up, the
/// shorter name (fewer tokens first); the name id breaks the remaining ties.
struct RetrievedName {
    private(set) var order: UInt64
    let name: UInt32

    init(name: UInt32, weight: Float) {
        // A positive float's bit pattern grows with its value; inverted, the heaviest sorts first.
        order = UInt64(~weight.bitPattern) << 32
        self.name = name
    }

    func withLength(_ tokens: Int) -> RetrievedName {
        var r = self
        r.order = order & ~0xFFFF_FFFF | UInt64(UInt32(clamping: tokens))
        return r
    }
}

/// Keeps the `limit` names retrieval ranks first, in that order: heaviest first, then the fewest
/// `tokens`, then the lowest id. A name's token count is looked up (a cache miss on a large index) only
/// for the names kept and those whose weight ties the last one kept.
func keepFirstRetrieved(_ limit: Int, of ranked: inout [RetrievedName], tokens: (UInt32) -> Int) {
    func withLength(_ r: RetrievedName) -> RetrievedName { r.withLength(tokens(r.name)) }
    let inOrder = { (a: RetrievedName, b: RetrievedName) in a.order != b.order ? a.order < b.order : a.name < b.name }
    if ranked.count > limit, limit > 0 {
        // The limit-th heaviest weight: heavier names are in, lighter ones out, and the names of that
        // very weight compete on length.
        partitionFirst(limit, of: &ranked) { $0.order < $1.order }
        let last = ranked[..<limit].reduce(0) { max($0, $1.order) }
        var tied = ranked.filter { $0.order == last }.map(withLength)
        ranked = ranked[..<limit].filter { $0.order < last }.map(withLength)
        keepFirst(limit - ranked.count, of: &tied, by: inOrder)
        ranked += tied
    } else if limit <= 0 {
        ranked.removeAll()
    } else {
        for i in ranked.indices { ranked[i] = withLength(ranked[i]) }
    }
    ranked.sort(by: inOrder)
}
