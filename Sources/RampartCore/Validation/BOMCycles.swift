/// Cycles in the bill-of-materials graph, found by depth-first search with colours.
enum BOMCycles {
    private enum Colour { case white, grey, black }

    /// One cycle per back edge of the search (so each cycle found is reported once), as node
    /// indices starting at the cycle's smallest index, ordered by that index. Iterative, so a
    /// long chain of components cannot exhaust the stack.
    static func find(successors: [[Int]]) -> [[Int]] {
        var colour = [Colour](repeating: .white, count: successors.count)
        var stackPosition = [Int](repeating: -1, count: successors.count)
        var stack: [(node: Int, nextEdge: Int)] = []
        var cycles: [[Int]] = []
        for root in successors.indices where colour[root] == .white {
            colour[root] = .grey
            stackPosition[root] = 0
            stack.append((root, 0))
            while let (node, edge) = stack.last {
                guard edge < successors[node].count else {
                    colour[node] = .black
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].nextEdge += 1
                let next = successors[node][edge]
                switch colour[next] {
                case .white:
                    colour[next] = .grey
                    stackPosition[next] = stack.count
                    stack.append((next, 0))
                case .grey:
                    cycles.append(canonical(stack[stackPosition[next]...].map(\.node)))
                case .black:
                    break
                }
            }
        }
        return cycles.enumerated()
            .sorted { ($0.element[0], $0.offset) < ($1.element[0], $1.offset) }
            .map(\.element)
    }

    /// The same cycle, rotated to start at its smallest index.
    private static func canonical(_ cycle: [Int]) -> [Int] {
        let start = cycle.indices.min { cycle[$0] < cycle[$1] }!
        return Array(cycle[start...] + cycle[..<start])
    }
}
