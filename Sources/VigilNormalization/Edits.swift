/// Edits between two spellings, letter by letter (bytes of folded ASCII, or scalars of a script).
package enum Edits {
    /// Optimal-string-alignment distance <= 1: one substitution, insertion, deletion or swap.
    package static func withinOne<Letter: Equatable>(_ a: [Letter], _ b: [Letter]) -> Bool {
        let n = a.count, m = b.count
        guard abs(n - m) <= 1 else { return false }
        var i = 0
        while i < min(n, m) && a[i] == b[i] { i += 1 }
        if i == n && i == m { return true }
        if n == m {
            if a[(i + 1)...] == b[(i + 1)...] { return true }  // substitution
            return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]  // swap
        }
        return n > m ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]  // deletion / insertion
    }
}
