#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex around a closure: shared caches keep their storage beside it (a class), where
/// `Synchronization.Mutex` would own the value and make every access a closure over it.
final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inline(__always)
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// A dictionary shared by the screening threads behind a lock, bounded in entries: when full it starts
/// over (the entries are cheap to recompute; the cache only saves repeated work).
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var storage: [Key: Value] = [:]
    let limit: Int

    init(limit: Int) { self.limit = limit }

    subscript(key: Key) -> Value? { lock.withLock { storage[key] } }

    /// The cached value, or `make()`'s, remembered (made outside the lock: two threads may both make
    /// one, which is harmless for values that depend on the key alone).
    func value(for key: Key, orMake make: () -> Value) -> Value {
        if let known = self[key] { return known }
        let made = make()
        insert(made, for: key)
        return made
    }

    func insert(_ value: Value, for key: Key) {
        lock.withLock {
            if storage.count >= limit { storage.removeAll(keepingCapacity: true) }
            storage[key] = value
        }
    }
}

/// Objects lent to one thread at a time and returned for reuse (per-query working memory).
final class Pool<Element: AnyObject>: @unchecked Sendable {
    private let lock = Lock()
    private var idle: [Element] = []
    private let make: () -> Element

    init(_ make: @escaping () -> Element) { self.make = make }

    func withElement<T>(_ body: (Element) throws -> T) rethrows -> T {
        let element = lock.withLock { idle.popLast() } ?? make()
        defer { lock.withLock { idle.append(element) } }
        return try body(element)
    }
}
