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
