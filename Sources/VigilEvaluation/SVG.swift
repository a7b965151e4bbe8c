import Foundation

/// Small inline SVG charts for the HTML report (no scripts, no external files).
public enum SVG {
    static let width = 520.0, height = 220.0, left = 40.0, bottom = 30.0, top = 20.0, right = 10.0

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func n(_ d: Double) -> String { String(format: "%.1f", d) }

    static func frame(_ title: String, body: String, xLabel: String, yLabel: String, h: Double = height) -> String {
        let plotH = h - top - bottom
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">"
        s += "<text x=\"\(n(width / 2))\" y=\"13\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(title))</text>"
        s += "<line x1=\"\(left)\" y1=\"\(n(top + plotH))\" x2=\"\(n(width - right))\" y2=\"\(n(top + plotH))\" stroke=\"#333\"/>"
        s += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(n(top + plotH))\" stroke=\"#333\"/>"
        s += "<text x=\"\(n(width / 2))\" y=\"\(n(h - 4))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        s += "<text x=\"10\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 10 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return s + body + "</svg>"
    }

    /// Two score histograms over 0...1 (matches green, non-matches red), each normalised to its own total.
    public static func scoreHistogram(title: String, matches: [Double], nonMatches: [Double], threshold: Double, bins: Int = 20) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let series = [(Metrics.histogram(matches, bins: bins), matches.count, "#2a9d4a", "matches"),
                      (Metrics.histogram(nonMatches, bins: bins), nonMatches.count, "#d0443e", "non-matches")]
        let shares = series.map { s in s.0.map { s.1 == 0 ? 0 : Double($0) / Double(s.1) } }
        let maxShare = max(0.01, shares.flatMap { $0 }.max() ?? 0)
        let bw = plotW / Double(bins)
        var body = ""
        for (k, s) in series.enumerated() {
            for (b, share) in shares[k].enumerated() where share > 0 {
                let h = share / maxShare * plotH
                body += "<rect x=\"\(n(left + Double(b) * bw + Double(k) * bw / 2))\" y=\"\(n(top + plotH - h))\" width=\"\(n(bw / 2))\" height=\"\(n(h))\" fill=\"\(s.2)\" opacity=\"0.8\"><title>\(s.3) \(fmt3(Double(b) / Double(bins)))+: \(s.0[b])</title></rect>"
            }
            body += "<rect x=\"\(n(left + 10))\" y=\"\(n(top + 4 + Double(k) * 14))\" width=\"10\" height=\"10\" fill=\"\(s.2)\"/><text x=\"\(n(left + 24))\" y=\"\(n(top + 13 + Double(k) * 14))\">\(s.3) (n=\(s.1))</text>"
        }
        let tx = left + threshold * plotW
        body += "<line x1=\"\(n(tx))\" y1=\"\(top)\" x2=\"\(n(tx))\" y2=\"\(n(top + plotH))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
        body += ticksX(plotH: plotH)
        return frame(title, body: body, xLabel: "score", yLabel: "share")
    }

    static func ticksX(plotH: Double) -> String {
        let plotW = width - left - right
        return stride(from: 0.0, through: 1.0, by: 0.2).map { v in
            "<text x=\"\(n(left + v * plotW))\" y=\"\(n(top + plotH + 13))\" text-anchor=\"middle\">\(String(format: "%.1f", v))</text>"
        }.joined()
    }

    /// Precision (y) against recall (x); the threshold's point is marked.
    public static func prCurve(title: String, curve: [PRPoint], threshold: Double) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let pts = curve.sorted { $0.threshold > $1.threshold }.map { "\(n(left + $0.recall * plotW)),\(n(top + (1 - $0.precision) * plotH))" }
        var body = "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"\(pts.joined(separator: " "))\"/>"
        if let p = curve.min(by: { abs($0.threshold - threshold) < abs($1.threshold - threshold) }) {
            body += "<circle cx=\"\(n(left + p.recall * plotW))\" cy=\"\(n(top + (1 - p.precision) * plotH))\" r=\"4\" fill=\"#d0443e\"><title>threshold \(fmt3(p.threshold)): P \(fmt3(p.precision)) R \(fmt3(p.recall))</title></circle>"
        }
        body += ticksX(plotH: plotH)
        body += "<text x=\"\(n(left - 3))\" y=\"\(n(top + 4))\" text-anchor=\"end\">1</text><text x=\"\(n(left - 3))\" y=\"\(n(top + plotH))\" text-anchor=\"end\">0</text>"
        return frame(title, body: body, xLabel: "recall", yLabel: "precision")
    }

    /// Horizontal bars of values in 0...1, one row per label.
    public static func bars(title: String, _ rows: [(label: String, value: Double)], color: String = "#2b6cb0") -> String {
        let rowH = 16.0, labelW = 170.0
        let h = top + Double(rows.count) * rowH + bottom
        let plotW = width - labelW - right - 40
        var body = ""
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            body += "<text x=\"\(n(labelW - 4))\" y=\"\(n(y + 12))\" text-anchor=\"end\">\(escape(String(r.label.prefix(28))))</text>"
            body += "<rect x=\"\(n(labelW))\" y=\"\(n(y + 2))\" width=\"\(n(max(0, min(1, r.value)) * plotW))\" height=\"\(n(rowH - 4))\" fill=\"\(color)\"/>"
            body += "<text x=\"\(n(labelW + max(0, min(1, r.value)) * plotW + 4))\" y=\"\(n(y + 12))\">\(fmt3(r.value))</text>"
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">"
        s += "<text x=\"\(n(width / 2))\" y=\"13\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(title))</text>"
        return s + body + "</svg>"
    }
}
