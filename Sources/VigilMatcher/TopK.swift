/// Keeps the `k` first elements of `items` in `areInOrder` order, as `sort` + `prefix(k)` would, in
/// O(n) expected time: on a large index a common query token brings thousands of candidate names,
/// and sorting them all to keep 100 was a tenth of the query.
func keepFirst<T>(_ k: Int, of items: inout [T], by areInOrder: (T, T) -> Bool) {
    guard k < items.count else {
        items.sort(by: areInOrder)
        return
    }
    guard k > 0 else { items.removeAll(); return }
    items.withUnsafeMutableBufferPointer { partitionFirst(k, in: $0, by: areInOrder) }
    items.removeSubrange(k...)
    items.sort(by: areInOrder)
}

/// Moves the `k` first elements of `a` in `areInOrder` order to its front, in no particular order
/// among themselves (`0 < k < a.count`); `a` may be a part of an array.
func partitionFirst<T>(_ k: Int, in a: UnsafeMutableBufferPointer<T>, by areInOrder: (T, T) -> Bool) {
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
    let inOrder = { (a: RetrievedName, b: RetrievedName) in a.order != b.order ? a.order < b.order : a.name < b.name }
    guard limit > 0 else { ranked.removeAll(keepingCapacity: true); return }
    // In place: the array is the query scratch's, and keeps its capacity for the next query.
    ranked.withUnsafeMutableBufferPointer { a in
        if a.count > limit {
            // The limit-th heaviest weight: heavier names are in, lighter ones out, and the names of
            // that very weight compete on length. Arranged [heavier | tied | lighter].
            partitionFirst(limit, in: a, by: { $0.order < $1.order })
            let last = a[..<limit].reduce(0) { max($0, $1.order) }
            var heavier = 0, tiedEnd = 0
            for i in a.indices where a[i].order <= last {
                a.swapAt(i, tiedEnd)
                if a[tiedEnd].order < last {
                    a.swapAt(tiedEnd, heavier)
                    heavier += 1
                }
                tiedEnd += 1
            }
            for i in 0..<tiedEnd { a[i] = a[i].withLength(tokens(a[i].name)) }
            let tied = UnsafeMutableBufferPointer(rebasing: a[heavier..<tiedEnd])
            if tied.count > limit - heavier { partitionFirst(limit - heavier, in: tied, by: inOrder) }
        } else {
            for i in a.indices { a[i] = a[i].withLength(tokens(a[i].name)) }
        }
    }
    if ranked.count > limit { ranked.removeSubrange(limit...) }
    ranked.sort(by: inOrder)
}
