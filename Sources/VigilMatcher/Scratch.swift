import VigilIndex

/// Working memory of one query, lent by `Matcher.scratchPool` and returned clean: zeroing buffers the
/// size of the index for every query cost more than the retrieval itself.
final class Scratch {
    /// Per listed token: how many retrieval terms it shares with the probe (reset after each probe).
    let hits: UnsafeMutableBufferPointer<UInt8>
    /// Per listed name: the similarity weight it collected (reset after each query).
    let acc: UnsafeMutableBufferPointer<Float>
    var touchedTokens: [UInt32] = []
    /// Names of the current accumulator block that collected some weight (`Matcher.accumulate`); its
    /// size is the block size.
    let touchedInBlock: UnsafeMutableBufferPointer<UInt32>
    /// Names retrieved for the current query with the weight they collected.
    var ranked: [RetrievedName] = []
    /// The postings runs of the current query's retrieval (`Matcher.accumulate`).
    var runs: [PostingsRun] = []
    /// A postings block's worth of ids per run (`PackedIDLists.blockSize` each), grown as needed.
    private var decoded = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)

    /// Room for `runs` decoded postings blocks.
    func decodedBuffer(runs: Int) -> UnsafeMutablePointer<UInt32> {
        let need = max(1, runs) * PackedIDLists.blockSize
        if decoded.count < need {
            decoded.deallocate()
            decoded = .allocate(capacity: max(need, 2 * decoded.count))
        }
        return decoded.baseAddress!
    }
    var scoring = ScoringState()

    init(tokens: Int, names: Int, block: Int) {
        touchedInBlock = .allocate(capacity: max(1, min(names, block)))
        hits = .allocate(capacity: max(1, tokens))
        hits.initialize(repeating: 0)
        acc = .allocate(capacity: max(1, names))
        acc.initialize(repeating: 0)
    }

    deinit {
        hits.deallocate()
        acc.deallocate()
        touchedInBlock.deallocate()
        decoded.deallocate()
    }
}

/// Names of one listed token still to add to the accumulator, with the weight each gets: the
/// postings blocks not decoded yet, and how far the walk is in the one decoded last.
struct PostingsRun {
    var list: UInt32
    var block: UInt32
    var endBlock: UInt32
    var weight: Float
    var position: UInt32 = 0
    var decoded: UInt32 = 0
}
