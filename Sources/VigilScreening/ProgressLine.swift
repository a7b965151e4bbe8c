/// The text of the terminal progress line: rows, rows/s, and when the input size is known, percent
/// and ETA from the bytes read so far.
public enum ProgressLine {
    /// - Parameters:
    ///   - rows: rows screened so far in this run; `seconds` since it started.
    ///   - bytesRead: input bytes consumed; `totalBytes` the input size, nil for stdin or a pipe.
    /// - Returns: e.g. `12000 rows, 20512 rows/s, 37%, ETA 0:03` (no ETA before 1% is read).
    public static func format(rows: Int, seconds: Double, bytesRead: Int, totalBytes: Int?) -> String {
        let rate = Double(rows) / max(seconds, 0.001)
        var s = "\(rows) rows, \(Int(rate)) rows/s"
        if let total = totalBytes, total > 0 {
            let fraction = min(1, Double(bytesRead) / Double(total))
            s += ", \(Int(fraction * 100))%"
            if fraction >= 0.01 && seconds > 0 {
                let remaining = seconds * (1 - fraction) / fraction
                s += ", ETA " + clock(remaining)
            }
        }
        return s
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let t = Int(seconds.rounded())
        let h = t / 3600, m = (t % 3600) / 60, sec = t % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }
}
