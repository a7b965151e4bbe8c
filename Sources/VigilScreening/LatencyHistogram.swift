/// Per-row screening times in microseconds, in buckets of fixed relative width (exact below 1 ms, then
/// 1/512 of the value), so a run of any length keeps a fixed-size record and still gives percentiles.
public struct LatencyHistogram: Sendable {
    private static let exactBelow = 1_024
    private static let perOctave = 512
    private var counts = [UInt64](repeating: 0, count: Self.exactBelow + 54 * Self.perOctave)
    public private(set) var count = 0
    public private(set) var maxMicroseconds: UInt64 = 0

    public init() {}

    public mutating func record(microseconds v: UInt64) {
        counts[Self.bucket(v)] += 1
        count += 1
        maxMicroseconds = max(maxMicroseconds, v)
    }

    public mutating func merge(_ other: LatencyHistogram) {
        for i in counts.indices where other.counts[i] != 0 { counts[i] += other.counts[i] }
        count += other.count
        maxMicroseconds = max(maxMicroseconds, other.maxMicroseconds)
    }

    /// The time at or below which `fraction` of the rows finished (the bucket's upper end), in µs.
    public func percentile(_ fraction: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let rank = UInt64(max(1, (fraction * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, c) in counts.enumerated() where c != 0 {
            seen += c
            if seen >= rank { return min(Self.upperBound(i), maxMicroseconds) }
        }
        return maxMicroseconds
    }

    static func bucket(_ v: UInt64) -> Int {
        guard v >= UInt64(exactBelow) else { return Int(v) }
        let octave = 63 - v.leadingZeroBitCount - 10          // 0 for 1024..<2048
        let sub = Int(v >> UInt64(octave + 1)) - perOctave     // the value's next 9 bits
        return min(exactBelow + octave * perOctave + sub, exactBelow + 54 * perOctave - 1)
    }

    static func upperBound(_ i: Int) -> UInt64 {
        guard i >= exactBelow else { return UInt64(i) }
        let octave = (i - exactBelow) / perOctave, sub = (i - exactBelow) % perOctave
        return (UInt64(perOctave + sub + 1) << UInt64(octave + 1)) &- 1  // the top bucket wraps to .max
    }
}
