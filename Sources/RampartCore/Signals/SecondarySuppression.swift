/// Hides more figures of a table with sums until no hidden figure can be worked out from the published ones, as
/// statistical offices do it (secondary, or complementary, suppression).
///
/// The tables are a grid of targets by years with a total per target, per year and overall: every line of the
/// grid, totals included, sums to zero once its total is counted negative. Seen as a graph whose nodes are the lines
/// (targets with the overall row, years with the overall column) and whose edges are the figures, the values the
/// hidden figures may take, given the published ones, are the sums over cycles of hidden edges. A hidden figure is
/// therefore fixed exactly when it lies on no cycle of hidden edges: when it is a bridge of their graph. Each bridge
/// is closed into a cycle along the cheapest path of figures that could still be shown, preferring figures at least
/// as large as the one protected, so that the range it may take is wide.
enum SecondarySuppression {
    struct Edge {
        /// The node of the figure's target row (or the overall row).
        var row: Int
        /// The node of the figure's year column (or the overall column).
        var column: Int
        var value: Double
    }

    /// Hides figures until no hidden one is a bridge; returns those it hid, in the order it hid them.
    static func protect(_ edges: [Edge], nodeCount: Int, hidden: inout [Bool]) -> [Int] {
        var added: [Int] = []
        let adjacency = adjacency(edges, nodeCount: nodeCount) { _ in true }
        let penalty = edges.reduce(0) { $0 + $1.value } + 1
        while let bridge = bridges(edges, nodeCount: nodeCount, among: hidden).first {
            let needed = edges[bridge].value
            let path = cheapestPath(
                from: edges[bridge].column, to: edges[bridge].row, avoiding: bridge, edges: edges, adjacency: adjacency
            ) { edge in
                if hidden[edge] { return 0 }
                return edges[edge].value + (edges[edge].value < needed ? penalty : 0)
            }
            // The full grid has no bridge (every figure lies on the cycle through its row's, its column's and the
            // overall total), so a path always exists.
            for edge in path where !hidden[edge] {
                hidden[edge] = true
                added.append(edge)
            }
        }
        return added
    }

    /// The edges (sorted) that lie on no cycle of the edges marked in `among`.
    static func bridges(_ edges: [Edge], nodeCount: Int, among included: [Bool]) -> [Int] {
        let adjacency = adjacency(edges, nodeCount: nodeCount) { included[$0] }
        var discovered = [Int](repeating: -1, count: nodeCount)
        var low = [Int](repeating: 0, count: nodeCount)
        var clock = 0
        var found: [Int] = []
        for start in 0..<nodeCount where discovered[start] == -1 && !adjacency[start].isEmpty {
            discovered[start] = clock
            low[start] = clock
            clock += 1
            var stack: [(node: Int, viaEdge: Int, next: Int)] = [(start, -1, 0)]
            while let top = stack.last {
                let index = stack.count - 1
                if top.next < adjacency[top.node].count {
                    stack[index].next += 1
                    let (neighbour, edge) = adjacency[top.node][top.next]
                    if edge == top.viaEdge { continue }
                    if discovered[neighbour] == -1 {
                        discovered[neighbour] = clock
                        low[neighbour] = clock
                        clock += 1
                        stack.append((neighbour, edge, 0))
                    } else {
                        low[top.node] = min(low[top.node], discovered[neighbour])
                    }
                } else {
                    stack.removeLast()
                    if let parent = stack.last {
                        low[parent.node] = min(low[parent.node], low[top.node])
                        if low[top.node] > discovered[parent.node] { found.append(top.viaEdge) }
                    }
                }
            }
        }
        return found.sorted()
    }

    private static func adjacency(
        _ edges: [Edge], nodeCount: Int, including: (Int) -> Bool
    ) -> [[(node: Int, edge: Int)]] {
        var adjacency = [[(node: Int, edge: Int)]](repeating: [], count: nodeCount)
        for (index, edge) in edges.enumerated() where including(index) {
            adjacency[edge.row].append((edge.column, index))
            adjacency[edge.column].append((edge.row, index))
        }
        return adjacency
    }

    private struct Reached: Comparable {
        var cost: Double
        var node: Int
        static func < (a: Reached, b: Reached) -> Bool { (a.cost, a.node) < (b.cost, b.node) }
    }

    /// The edges of the cheapest path between two nodes that does not use `avoiding` (Dijkstra; ties go to the
    /// lower node, so the result is the same on every run).
    private static func cheapestPath(
        from start: Int, to goal: Int, avoiding: Int, edges: [Edge], adjacency: [[(node: Int, edge: Int)]],
        cost: (Int) -> Double
    ) -> [Int] {
        var best = [Double](repeating: .infinity, count: adjacency.count)
        var arrivedBy = [Int](repeating: -1, count: adjacency.count)
        var queue = MinHeap<Reached>()
        best[start] = 0
        queue.push(Reached(cost: 0, node: start))
        while let reached = queue.pop() {
            guard reached.cost <= best[reached.node] else { continue }
            if reached.node == goal { break }
            for (neighbour, edge) in adjacency[reached.node] where edge != avoiding {
                let next = reached.cost + cost(edge)
                if next < best[neighbour] {
                    best[neighbour] = next
                    arrivedBy[neighbour] = edge
                    queue.push(Reached(cost: next, node: neighbour))
                }
            }
        }
        var path: [Int] = []
        var node = goal
        while node != start, arrivedBy[node] >= 0 {
            let edge = edges[arrivedBy[node]]
            path.append(arrivedBy[node])
            node = edge.row == node ? edge.column : edge.row
        }
        return path
    }
}
