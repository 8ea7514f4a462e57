/// Cumulative monthly totals for the deliveries-against-demand chart, already summed by the caller.
struct MonthlySeries: Sendable {
    var monthLabels: [String]
    var demanded: [Double]
    var delivered: [Double]
}
