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
    /// worker per core; the results in the items' order.
    public static func map<T, R>(_ items: [T], chunk: Int = 1_024, _ transform: (T) -> R) -> [R] {
        let chunks = (items.count + chunk - 1) / chunk
        guard chunks > 1 else { return items.map(transform) }
        var parts = [[R]](repeating: [], count: chunks)
        let next = Atomic<Int>(0)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out, items = items
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: min(Machine.coreCount, chunks)) { _ in
                    while true {
                        let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard c < chunks else { return }
                        out[c] = items[(c * chunk)..<min(items.count, (c + 1) * chunk)].map(transform)
                    }
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
