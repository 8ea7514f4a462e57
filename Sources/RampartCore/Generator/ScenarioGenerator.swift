/// Generates a synthetic, reproducible scenario shaped like the Alliance problem: 32 nations,
/// munition families in interchangeability classes, three- to four-level BOMs down to raw
/// materials (some from few, foreign sources), ramping capacities, and demand that outruns
/// capacity in the first years and is met later. The same seed and scale give the same
/// scenario on every platform.
public struct ScenarioGenerator: Sendable {
    public let seed: UInt64
    public let scale: ScenarioScale
    public let horizonMonths: Int
    public let startMonth: String

    public init(seed: UInt64, scale: ScenarioScale, horizonMonths: Int = 120, startMonth: String = "2026-01") {
        precondition(horizonMonths >= 1, "the horizon needs at least one month")
        self.seed = seed
        self.scale = scale
        self.horizonMonths = horizonMonths
        self.startMonth = startMonth
    }

    public func generate() -> Scenario {
        var rng = SeededRandom(seed: seed ^ scale.salt)
        let catalogue = CatalogueBuilder.build(scale: scale, rng: &rng)
        let book = DemandBuilder.build(
            count: scale.demandCount, classes: catalogue.classes, horizon: horizonMonths, rng: &rng)
        var network = NetworkBuilder(items: catalogue.items, horizon: horizonMonths, breadth: scale.breadth)
        network.addEndItemLines(classes: catalogue.classes, dueByClass: book.dueByClass, rng: &rng)
        network.addUpstreamSources(catalogue: catalogue, rng: &rng)
        return Scenario(
            name: "generated-\(scale.rawValue)-seed-\(seed)", startMonth: startMonth, horizonMonths: horizonMonths,
            items: network.items, lines: network.lines, supplies: network.supplies, stocks: network.stocks,
            demands: book.demands)
    }
}
