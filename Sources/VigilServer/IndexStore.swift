import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import VigilIndex
import VigilMatcher

/// One loaded index and its matcher. Immutable: a request keeps the generation it started with,
/// so a reload never changes an answer half-way.
package final class IndexGeneration: Sendable {
    package let index: SearchIndex
    package let matcher: Matcher
    /// The file it was opened from.
    package let path: String
    /// 1 for the index the server started with, +1 per successful reload.
    package let number: Int

    package init(index: SearchIndex, path: String, number: Int) {
        self.index = index
        self.matcher = Matcher(index: index)
        self.path = path
        self.number = number
    }
}

/// What a successful reload replaced.
package struct ReloadOutcome: Sendable {
    package var previous: IndexGeneration
    package var current: IndexGeneration
}

/// Holds the served index and swaps it atomically on reload.
///
/// Readers take `current` (one lock round trip) and keep that generation for the whole request;
/// the old generation is freed when its last request ends. Reloads run one at a time on their own
/// queue, never on an event loop or a screening thread.
package final class IndexStore: Sendable {
    private let state: NIOLockedValueBox<IndexGeneration>
    private let reloadQueue = DispatchQueue(label: "vigil.server.reload")

    package init(index: SearchIndex, path: String) {
        state = NIOLockedValueBox(IndexGeneration(index: index, path: path, number: 1))
    }

    /// The generation new requests use.
    package var current: IndexGeneration { state.withLockedValue { $0 } }

    /// Opens and verifies the index at `path` (default: the path now served), builds its matcher and
    /// swaps it in. Blocks for as long as opening takes; on any error the served index is unchanged.
    package func reloadNow(path: String? = nil) -> Result<ReloadOutcome, IndexError> {
        reloadQueue.sync { load(path: path) }
    }

    /// `reloadNow` on the reload queue, completing on `eventLoop`.
    package func reload(path: String?, eventLoop: any EventLoop) -> EventLoopFuture<Result<ReloadOutcome, IndexError>> {
        let promise = eventLoop.makePromise(of: Result<ReloadOutcome, IndexError>.self)
        reloadQueue.async { promise.succeed(self.load(path: path)) }
        return promise.futureResult
    }

    /// Runs on `reloadQueue` only, so reloads never interleave.
    private func load(path: String?) -> Result<ReloadOutcome, IndexError> {
        let previous = current
        let target = path ?? previous.path
        let index: SearchIndex
        do { index = try IndexFile.open(target) } catch { return .failure(error) }
        let next = IndexGeneration(index: index, path: target, number: previous.number + 1)
        state.withLockedValue { $0 = next }
        return .success(ReloadOutcome(previous: previous, current: next))
    }
}
