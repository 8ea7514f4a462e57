/// A second scenario generator, of a different structure from `ScenarioGenerator`, so that the planner is never
/// judged only on the data it was built with:
/// - scarce materials shared by families that consume them at very different rates per unit (1, 12, 30);
/// - materials made on lines from other materials (fills and propellants from raw materials);
/// - several variants per class, each with a bill of its own;
/// - due dates spread over the whole horizon, and early demand of low priority;
/// - initial stock of some items and none of others;
/// - lead times longer than the gaps between due months.
///
/// `AlternateGenerator(seed:scale:)` gives S, M, L and XL (the same demand counts as `ScenarioScale`);
/// `AlternateGenerator.random(seed:)` a small scenario (100 to 500 demands) whose shape is itself drawn from the
/// seed. The same seed gives the same scenario on every platform.
public struct AlternateGenerator: Sendable {
    /// What the generator builds; `preset(scale:)` and `random(seed:)` fill it in.
    struct Shape: Sendable {
        var name: String
        var horizon: Int
        var demands: Int
        /// Groups of families that share their scarce materials.
        var materialGroups: Int
        var familiesPerGroup: Int
        var variants: ClosedRange<Int>
        /// Units of the group's scarce fill per unit of an end item, one per family in turn.
        var rates: [Double]
        /// Raw material over the horizon, as a share of what the demands would need.
        var scarcity: ClosedRange<Double>
        var nations: Int
        /// Share of the class demands that list some of their class's variants instead (`Demand.items`: the
        /// munitions one nation's systems can fire); 0 draws nothing for it, so such scenarios are as before.
        var listedShare: Double = 0
    }

    public let seed: UInt64
    let shape: Shape

    public init(seed: UInt64, scale: ScenarioScale) {
        self.seed = seed ^ 0x414C_5445_524E_0000 ^ scale.salt
        let groups: Int
        switch scale {
        case .S: groups = 2
        case .M: groups = 8
        case .L: groups = 30
        case .XL: groups = 100
        }
        shape = Shape(
            name: "alternate-\(scale.rawValue)-seed-\(seed)", horizon: 72, demands: scale.demandCount,
            materialGroups: groups, familiesPerGroup: 3, variants: 2...3, rates: [1, 12, 30], scarcity: 0.45...0.75,
            nations: ScenarioGenerator.nations.count)
    }

    init(seed: UInt64, shape: Shape) {
        self.seed = seed
        self.shape = shape
    }

    /// A small scenario of 100 to 500 demands whose sizes, rates and scarcity are drawn from the seed.
    public static func random(seed: UInt64) -> AlternateGenerator { random(seed: seed, listedShare: 0.3) }

    /// `listedShare` 0 gives the family as it was before demands could list items.
    static func random(seed: UInt64, listedShare: Double) -> AlternateGenerator {
        let mixed = seed ^ 0x5241_4E44_4F4D_0000
        var rng = ScenarioGenerator.SeededRandom(seed: mixed)
        let rateChoices: [Double] = [1, 2, 5, 12, 30]
        let families = rng.int(in: 2...5)
        var rates: [Double] = []
        for _ in 0..<families { rates.append(rng.pick(rateChoices)) }
        if !rates.contains(1) { rates[0] = 1 }
        let low = rng.double(in: 0.35...0.9)
        let shape = Shape(
            name: "random-seed-\(seed)", horizon: rng.int(in: 36...60), demands: rng.int(in: 100...500),
            materialGroups: rng.int(in: 1...3), familiesPerGroup: families, variants: 1...3, rates: rates,
            scarcity: low...(low + 0.3), nations: rng.int(in: 4...12), listedShare: listedShare)
        return AlternateGenerator(seed: mixed ^ 0x1, shape: shape)
    }

    public func generate() -> Scenario {
        var rng = ScenarioGenerator.SeededRandom(seed: seed)
        var build = AlternateBuild(shape: shape)
        build.catalogue(rng: &rng)
        build.demandBook(rng: &rng)
        build.endItemLines(rng: &rng)
        build.materialSources(rng: &rng)
        build.initialStocks(rng: &rng)
        return Scenario(
            name: shape.name, startMonth: "2026-01", horizonMonths: shape.horizon, items: build.items,
            lines: build.lines, supplies: build.supplies, stocks: build.stocks, demands: build.demands)
    }
}
