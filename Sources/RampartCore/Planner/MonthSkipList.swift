/// For each source and month, the nearest month at or before (or at or after) it whose bucket is still open:
/// union-find with path halving over closed buckets, so scans skip used-up months. One flat array for all
/// sources keeps the inner loops free of reference counting.
struct MonthSkipLists: Sendable {
    /// `prev[base + m + 1]` leads to the open month <= m; offset 0 is the sentinel "none".
    private var prev: [Int32]
    /// `next[base + m]` leads to the open month >= m; offset `horizon` is the sentinel "none".
    private var next: [Int32]
    let horizon: Int
    private let stride: Int

    init(count: Int, horizon: Int) {
        self.horizon = horizon
        stride = horizon + 1
        let one = (0...horizon).map { Int32($0) }
        prev = [Int32](repeating: 0, count: count * stride)
        next = prev
        for s in 0..<count {
            for m in 0...horizon {
                prev[s * stride + m] = one[m]
                next[s * stride + m] = one[m]
            }
        }
    }

    /// Latest open month <= m of source `s`, or -1.
    mutating func openAtOrBefore(_ s: Int, _ m: Int) -> Int {
        if m < 0 { return -1 }
        let base = s * stride
        var x = Swift.min(m, horizon - 1) + 1
        while true {
            let p = Int(prev[base + x])
            if p == x { return x - 1 }
            prev[base + x] = prev[base + p]
            x = p
        }
    }

    /// Earliest open month >= m of source `s`, or `horizon`.
    mutating func openAtOrAfter(_ s: Int, _ m: Int) -> Int {
        var x = Swift.max(m, 0)
        if x >= horizon { return horizon }
        let base = s * stride
        while true {
            let n = Int(next[base + x])
            if n == x { return x }
            next[base + x] = next[base + n]
            x = n
        }
    }

    mutating func close(_ s: Int, _ m: Int) {
        guard m >= 0 && m < horizon else { return }
        prev[s * stride + m + 1] = Int32(m)
        next[s * stride + m] = Int32(m + 1)
    }
}
