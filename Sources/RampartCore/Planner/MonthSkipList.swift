/// For each month of one source, the nearest month at or before (or at or after) it whose bucket is
/// still open: union-find with path halving over closed buckets, so scans skip used-up months.
struct MonthSkipList: Sendable {
    /// `prev[m + 1]` leads to the open month <= m; index 0 is the sentinel "none".
    private var prev: [Int32]
    /// `next[m]` leads to the open month >= m; index `horizon` is the sentinel "none".
    private var next: [Int32]
    let horizon: Int

    init(horizon: Int) {
        self.horizon = horizon
        prev = (0...horizon).map { Int32($0) }
        next = (0...horizon).map { Int32($0) }
    }

    /// Latest open month <= m, or -1.
    mutating func openAtOrBefore(_ m: Int) -> Int {
        if m < 0 { return -1 }
        var x = min(m, horizon - 1) + 1
        while Int(prev[x]) != x {
            let p = Int(prev[x])
            prev[x] = prev[p]
            x = p
        }
        return x - 1
    }

    /// Earliest open month >= m, or `horizon`.
    mutating func openAtOrAfter(_ m: Int) -> Int {
        var x = max(m, 0)
        if x >= horizon { return horizon }
        while Int(next[x]) != x {
            let n = Int(next[x])
            next[x] = next[n]
            x = n
        }
        return x
    }

    mutating func close(_ m: Int) {
        guard m >= 0 && m < horizon else { return }
        prev[m + 1] = Int32(m)
        next[m] = Int32(m + 1)
    }
}
