/// Capacity and stock not yet promised, and the reservations that promise them.
///
/// Every reservation is pegged: a unit of capacity or stock is taken for one consumer at one month, so the
/// stock balance of the resulting plan can never go negative. Tentative reservations are logged so that a
/// line start short of a component can be undone.
struct Allocator {
    private struct LogEntry {
        enum Kind { case bucket, stock, deadline }
        var kind: Kind
        var index: Int
        var amount: Double
    }

    /// Quantities at or below this are nothing. Small enough that what it drops cannot show in a stock balance.
    static let epsilon = 1e-9

    /// Shortfall allowed from floating-point rounding when `need` units are asked for.
    static func slack(_ need: Double) -> Double { 1e-9 * max(1, need) }

    /// Whether a bucket is used up, for reports: what is left is rounding dust.
    static func isSpent(remaining: Double, capacity: Double) -> Bool { remaining <= 1e-6 * max(1, capacity) }

    let problem: PlanningProblem
    let horizon: Int
    private let leadTime: [Int]
    private let sourceItem: [Int]
    private let sourceIsLine: [Bool]
    private let itemSourceStart: [Int]
    private let itemSources: [Int]
    private let bomStart: [Int]
    private let bomItem: [Int]
    private let bomQty: [Double]
    private let contention: [Double]
    /// Unpromised capacity, `sources × horizon`.
    private(set) var free: [Double]
    /// What was taken from each bucket, summed as taken (capacity minus `free` would carry rounding noise).
    private var taken: [Double]
    private(set) var stockFree: [Double]
    private var skip: MonthSkipLists
    /// Per item, over arrival months: open while any source of the item has an open bucket arriving then.
    private var itemArrivals: MonthSkipLists
    /// For each item, the latest month by which its sources are known to give nothing more.
    private var sourcesDeadThrough: [Int]
    private var log: [LogEntry] = []
    private var scratch: [[Int]]

    init(problem: PlanningProblem) {
        self.problem = problem
        horizon = problem.horizon
        let h = problem.horizon
        leadTime = problem.sourceLeadTime
        sourceItem = problem.sourceItem
        sourceIsLine = problem.sourceIsLine
        itemSourceStart = problem.itemSourceStart
        itemSources = problem.itemSources
        bomStart = problem.bomStart
        bomItem = problem.bomItem
        bomQty = problem.bomQty
        contention = problem.itemContention
        var free = [Double](repeating: 0, count: problem.sources.count * h)
        var skip = MonthSkipLists(count: problem.sources.count, horizon: h)
        for (s, source) in problem.sources.enumerated() {
            for t in 0..<h {
                let arrives = t + source.leadTime
                if source.capacity[t] > Self.epsilon && arrives < h {
                    free[s * h + t] = source.capacity[t]
                } else {
                    skip.close(s, t)
                }
            }
        }
        var itemArrivals = MonthSkipLists(count: problem.itemIDs.count, horizon: h)
        for item in problem.itemIDs.indices {
            for a in 0..<h {
                let open = problem.sourcesByItem[item].contains { s in
                    let t = a - problem.sourceLeadTime[s]
                    return t >= 0 && free[s * h + t] > Self.epsilon
                }
                if !open { itemArrivals.close(item, a) }
            }
        }
        self.free = free
        taken = [Double](repeating: 0, count: free.count)
        self.skip = skip
        self.itemArrivals = itemArrivals
        stockFree = problem.initialStock
        sourcesDeadThrough = [Int](repeating: -1, count: problem.itemIDs.count)
        scratch = [[Int]](repeating: [], count: 16)
    }

    // MARK: - Transactions

    var checkpoint: Int { log.count }

    mutating func rollback(to mark: Int) {
        while log.count > mark {
            let entry = log.removeLast()
            switch entry.kind {
            case .bucket:
                free[entry.index] += entry.amount
                taken[entry.index] -= entry.amount
            case .stock: stockFree[entry.index] += entry.amount
            case .deadline: sourcesDeadThrough[entry.index] = Int(entry.amount)
            }
        }
    }

    /// Makes every logged reservation final and closes the buckets they used up.
    mutating func commit() {
        for entry in log where entry.kind == .bucket && free[entry.index] <= Self.epsilon {
            let s = entry.index / horizon, t = entry.index % horizon
            skip.close(s, t)
            closeArrivalIfSpent(item: sourceItem[s], arrival: t + leadTime[s])
        }
        log.removeAll(keepingCapacity: true)
    }

    private mutating func closeArrivalIfSpent(item: Int, arrival a: Int) {
        for k in itemSourceStart[item]..<itemSourceStart[item + 1] {
            let s = itemSources[k]
            let t = a - leadTime[s]
            if t >= 0 && t < horizon && free[s * horizon + t] > Self.epsilon { return }
        }
        itemArrivals.close(item, a)
    }

    private mutating func takeBucket(_ index: Int, _ amount: Double) {
        free[index] -= amount
        taken[index] += amount
        log.append(LogEntry(kind: .bucket, index: index, amount: amount))
    }

    private mutating func takeStock(_ item: Int, _ amount: Double) {
        stockFree[item] -= amount
        log.append(LogEntry(kind: .stock, index: item, amount: amount))
    }

    /// Takes initial stock for deliveries decided outside a reservation (`DeliveryReassignment`), for good.
    mutating func consumeStock(item: Int, qty: Double) {
        stockFree[item] = max(0, stockFree[item] - qty)
    }

    private mutating func markDead(_ item: Int, through month: Int) {
        log.append(LogEntry(kind: .deadline, index: item, amount: Double(sourcesDeadThrough[item])))
        sourcesDeadThrough[item] = month
    }

    // MARK: - Reservations

    /// Reserves up to `qty` units of `item` available by month `month`, latest availability first
    /// (just in time), initial stock last. Returns the quantity reserved.
    mutating func reserveLatest(item: Int, qty: Double, by month: Int, depth: Int) -> Double {
        if qty <= Self.epsilon { return 0 }
        var remaining = qty
        if month >= 0 && month > sourcesDeadThrough[item] {
            let got = reserveFromItemSourcesLatest(item: item, qty: remaining, by: month, depth: depth)
            if got <= Self.epsilon { markDead(item, through: month) }
            remaining -= got
        }
        if remaining > Self.epsilon && stockFree[item] > Self.epsilon {
            let take = min(stockFree[item], remaining)
            takeStock(item, take)
            remaining -= take
        }
        return qty - remaining
    }

    /// Reserves from the sources of one item, latest arrival month <= `month` first, walking only the arrival
    /// months in which some source still has capacity.
    private mutating func reserveFromItemSourcesLatest(item: Int, qty: Double, by month: Int, depth: Int) -> Double {
        let first = itemSourceStart[item], end = itemSourceStart[item + 1]
        if first == end { return 0 }
        var blocked = takeScratch(depth)
        defer { returnScratch(depth, blocked) }
        var remaining = qty
        var a = itemArrivals.openAtOrBefore(item, month)
        while a >= 0 && remaining > Self.epsilon {
            for k in first..<end where remaining > Self.epsilon {
                let s = itemSources[k]
                let t = a - leadTime[s]
                guard t >= 0 && t < horizon else { continue }
                let index = s * horizon + t
                let want = min(remaining, free[index])
                guard want > Self.epsilon, !blocked.contains(s) else { continue }
                let got = startOrOrder(source: s, start: t, qty: want, depth: depth)
                remaining -= got
                // Short of components by `t`: they cannot be had any earlier either.
                if got < want - Self.slack(want) { blocked.append(s) }
            }
            if blocked.count == end - first { break }
            a = itemArrivals.openAtOrBefore(item, a - 1)
        }
        return qty - remaining
    }

    /// Reserves from the sources of `items`, latest availability month <= `month` first.
    /// `delivered(item, availabilityMonth, qty)` is told of every piece.
    mutating func reserveFromSourcesLatest(
        items: some Collection<Int>, qty: Double, by month: Int, depth: Int,
        delivered: (Int, Int, Double) -> Void
    ) -> Double {
        var candidates = takeScratch(depth)
        defer { returnScratch(depth, candidates) }
        // candidates holds (source, start month) pairs flattened.
        for item in items {
            for k in itemSourceStart[item]..<itemSourceStart[item + 1] {
                let s = itemSources[k]
                let start = skip.openAtOrBefore(s, month - leadTime[s])
                if start >= 0 { candidates.append(s); candidates.append(start) }
            }
        }
        var remaining = qty
        while remaining > Self.epsilon && !candidates.isEmpty {
            let (best, bestArrival) = bestCandidate(in: candidates, latest: true)
            let s = candidates[best]
            let start = candidates[best + 1]
            let index = s * horizon + start
            let want = min(remaining, free[index])
            let got = want > Self.epsilon ? startOrOrder(source: s, start: start, qty: want, depth: depth) : 0
            if got > Self.epsilon {
                remaining -= got
                delivered(sourceItem[s], bestArrival, got)
            }
            if got < want - Self.slack(want) {
                // Short of components by `start`: they cannot be had any earlier either.
                candidates.removeSubrange(best...(best + 1))
            } else if free[index] <= Self.epsilon {
                let earlier = skip.openAtOrBefore(s, start - 1)
                if earlier >= 0 { candidates[best + 1] = earlier } else { candidates.removeSubrange(best...(best + 1)) }
            }
        }
        return qty - remaining
    }

    /// Reserves from the sources of `items`, earliest availability month >= `month` first.
    mutating func reserveFromSourcesEarliest(
        items: some Collection<Int>, qty: Double, from month: Int, depth: Int,
        delivered: (Int, Int, Double) -> Void
    ) -> Double {
        var candidates = takeScratch(depth)
        defer { returnScratch(depth, candidates) }
        for item in items {
            for k in itemSourceStart[item]..<itemSourceStart[item + 1] {
                let s = itemSources[k]
                let start = skip.openAtOrAfter(s, month - leadTime[s])
                if start < horizon { candidates.append(s); candidates.append(start) }
            }
        }
        var remaining = qty
        while remaining > Self.epsilon && !candidates.isEmpty {
            let (best, bestArrival) = bestCandidate(in: candidates, latest: false)
            let s = candidates[best]
            let start = candidates[best + 1]
            let index = s * horizon + start
            let want = min(remaining, free[index])
            let got = want > Self.epsilon ? startOrOrder(source: s, start: start, qty: want, depth: depth) : 0
            if got > Self.epsilon {
                remaining -= got
                delivered(sourceItem[s], bestArrival, got)
            }
            if got >= want - Self.slack(want) && free[index] > Self.epsilon { continue }
            let later = skip.openAtOrAfter(s, start + 1)
            if later < horizon { candidates[best + 1] = later } else { candidates.removeSubrange(best...(best + 1)) }
        }
        return qty - remaining
    }

    /// The (source, start) pair in `candidates` arriving latest (or earliest); on equal arrival months, the one
    /// whose item is least contested by demands naming it. Returns its position and arrival month.
    private func bestCandidate(in candidates: [Int], latest: Bool) -> (position: Int, arrival: Int) {
        var best = 0
        var bestArrival = latest ? Int.min : Int.max
        var k = 0
        while k < candidates.count {
            let arrival = candidates[k + 1] + leadTime[candidates[k]]
            if (latest ? arrival > bestArrival : arrival < bestArrival)
                || (arrival == bestArrival && contention[sourceItem[candidates[k]]] < contention[sourceItem[candidates[best]]])
            {
                bestArrival = arrival
                best = k
            }
            k += 2
        }
        return (best, bestArrival)
    }

    /// Takes initial stock of any of `items`, in their order.
    mutating func reserveStock(items: some Collection<Int>, qty: Double, delivered: (Int, Double) -> Void) -> Double {
        var remaining = qty
        for item in items where remaining > Self.epsilon && stockFree[item] > Self.epsilon {
            let take = min(stockFree[item], remaining)
            takeStock(item, take)
            remaining -= take
            delivered(item, take)
        }
        return qty - remaining
    }

    /// Starts (line) or orders (supply) up to `qty` units in month `start`, reserving the components.
    /// Returns the quantity started, less than `qty` when components are short.
    private mutating func startOrOrder(source s: Int, start: Int, qty: Double, depth: Int) -> Double {
        let index = s * horizon + start
        let item = sourceItem[s]
        let first = bomStart[item], end = bomStart[item + 1]
        if !sourceIsLine[s] || first == end {
            takeBucket(index, qty)
            return qty
        }
        var x = qty
        let mark = checkpoint
        for _ in 0..<4 {
            var ratio = 1.0
            for c in first..<end {
                let need = x * bomQty[c]
                let got = reserveLatest(item: bomItem[c], qty: need, by: start, depth: depth + 1)
                if got < need - Self.slack(need) {
                    ratio = got / need
                    break
                }
            }
            if ratio >= 1 {
                takeBucket(index, x)
                return x
            }
            rollback(to: mark)
            let reduced = x * ratio
            x = reduced >= 1 ? (reduced + 1e-9).rounded(.down) : reduced
            if x <= Self.epsilon { return 0 }
        }
        return 0
    }

    private mutating func takeScratch(_ depth: Int) -> [Int] {
        if depth >= scratch.count { return [] }
        var buffer: [Int] = []
        swap(&buffer, &scratch[depth])
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    private mutating func returnScratch(_ depth: Int, _ buffer: [Int]) {
        if depth < scratch.count { scratch[depth] = buffer }
    }

    // MARK: - Results

    /// Units started or ordered on source `s` in month `t`.
    func used(source s: Int, month t: Int) -> Double { taken[s * horizon + t] }

    func remaining(source s: Int, month t: Int) -> Double { free[s * horizon + t] }
}
