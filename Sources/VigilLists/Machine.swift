import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The machine's cores, for sizing worker pools (index build, bulk screening, monitor).
public enum Machine {
    public static var coreCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}

/// Work spread over the machine's cores.
public enum Parallel {
    /// `items.map(transform)`, the items taken in chunks of `chunk` from a shared counter by one
    /// worker per core; the results in the items' order. `progress` hears the items done so far after
    /// each chunk.
    public static func map<T, R>(_ items: [T], chunk: Int = 1_024, progress: (@Sendable (Int) -> Void)? = nil,
                                 _ transform: (T) -> R) -> [R] {
        let chunks = (items.count + chunk - 1) / chunk
        guard chunks > 1 else {
            let out = items.map(transform)
            progress?(items.count)
            return out
        }
        var parts = [[R]](repeating: [], count: chunks)
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out, items = items
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: min(Machine.coreCount, chunks)) { _ in
                    while true {
                        let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard c < chunks else { return }
                        let range = (c * chunk)..<min(items.count, (c + 1) * chunk)
                        out[c] = items[range].map(transform)
                        progress?(done.add(range.count, ordering: .relaxed).newValue)
                    }
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
