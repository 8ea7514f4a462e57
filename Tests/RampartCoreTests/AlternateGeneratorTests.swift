import RampartTestSupport
import Testing

@testable import RampartCore

/// The second generator, of a different structure, and its family of small random scenarios: valid, reproducible,
/// shaped as documented, and planned feasibly (the independent checker accepts every plan).
@Suite struct AlternateGeneratorTests {
    static let s1 = AlternateGenerator(seed: 1, scale: .S).generate()

    @Test func sameSeedGivesTheIdenticalScenario() {
        #expect(AlternateGenerator(seed: 1, scale: .S).generate() == Self.s1)
        #expect(AlternateGenerator.random(seed: 7).generate() == AlternateGenerator.random(seed: 7).generate())
        #expect(AlternateGenerator.random(seed: 7).generate() != AlternateGenerator.random(seed: 8).generate())
        #expect(AlternateGenerator(seed: 2, scale: .S).generate() != Self.s1)
    }

    @Test(arguments: [ScenarioScale.S, .M])
    func scalesHaveTheirDemandCountAndAreValid(scale: ScenarioScale) {
        let s = scale == .S ? Self.s1 : AlternateGenerator(seed: 1, scale: scale).generate()
        #expect(s.demands.count == scale.demandCount)
        #expect(s.validationIssues() == [])
    }

    @Test(arguments: 1...60)
    func randomScenariosAreSmallAndValid(seed: Int) {
        let s = AlternateGenerator.random(seed: UInt64(seed)).generate()
        #expect((100...500).contains(s.demands.count), "seed \(seed)")
        #expect(s.validationIssues() == [], "seed \(seed)")
    }

    /// The random family has demands that list some of a class's variants (the munitions a nation's systems can fire),
    /// never all of them; the alternate scales have none, so they stay the scenarios measured before.
    @Test func randomScenariosListSomeOfAClass() {
        var listed = 0
        for seed in 1...10 {
            let s = AlternateGenerator.random(seed: UInt64(seed)).generate()
            let classOf = Dictionary(uniqueKeysWithValues: s.items.map { ($0.id, $0.itemClass) })
            for d in s.demands {
                guard let items = d.items else { continue }
                listed += 1
                #expect(d.item == nil && d.itemClass == nil)
                let classes = Set(items.map { classOf[$0] ?? nil })
                #expect(classes.count == 1, "\(d.id)")
                let all = s.items.filter { $0.itemClass == classes.first! }.count
                #expect(!items.isEmpty && items.count < all, "\(d.id)")
            }
        }
        #expect(listed > 100)
        #expect(!Self.s1.demands.contains { $0.items != nil })
    }

    /// Rates of 1, 12 and 30 units of one scarce fill per unit, materials made on lines, variants with bills of
    /// their own, early demand of low priority, stock of some items only, lead times above the gaps between due months.
    @Test func shapeIsTheDocumentedOne() {
        let s = Self.s1
        let byID = Dictionary(uniqueKeysWithValues: s.items.map { ($0.id, $0) })
        let fillRates = Set(
            s.items.filter { $0.kind == .end && $0.id.hasSuffix("-A") }.compactMap { item in
                item.bom.first { $0.item.hasPrefix("FILL-") }?.qty
            })
        #expect(fillRates == [1, 12, 30])
        let madeMaterials = s.lines.compactMap { byID[$0.item] }.filter { $0.kind == .material && !$0.bom.isEmpty }
        #expect(!madeMaterials.isEmpty)
        for cls in Set(s.items.compactMap(\.itemClass)) {
            let bills = s.items.filter { $0.itemClass == cls }.map { $0.bom.map(\.item) }
            #expect(bills.count >= 2 && Set(bills).count == bills.count, "\(cls)")
        }
        #expect(s.demands.contains { $0.priority >= 4 && $0.dueMonth <= s.horizonMonths / 6 })
        let stocked = Set(s.stocks.map(\.item))
        let ends = s.items.filter { $0.kind == .end }.map(\.id)
        #expect(ends.contains { stocked.contains($0) } && ends.contains { !stocked.contains($0) })
        #expect(s.lines.contains { $0.leadTimeMonths > 2 })
        let dues = Set(s.demands.map(\.dueMonth))
        #expect(dues.count > s.horizonMonths / 2)
    }

    @Test(arguments: 1...40)
    func randomScenarioPlansPassTheChecker(seed: Int) {
        let s = AlternateGenerator.random(seed: UInt64(seed)).generate()
        let plan = Planner(options: .init(bottleneckCandidates: 1, parallel: false)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [], "seed \(seed)")
        #expect(PlanEvaluator(scenario: s).objective(of: plan) == plan.objective, "seed \(seed)")
    }

    @Test(arguments: [UInt64(1), 2])
    func alternatePlansPassTheCheckerAndAreTheSameOnAnyThreadCount(seed: UInt64) {
        let s = seed == 1 ? Self.s1 : AlternateGenerator(seed: seed, scale: .S).generate()
        let parallel = Planner(options: .init(bottleneckCandidates: 2, parallel: true)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: parallel) == [])
        let serial = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        #expect(parallel == serial)
    }

    @Test(arguments: 41...60)
    func randomScenarioPlansAreTheSameOnAnyThreadCount(seed: Int) {
        let s = AlternateGenerator.random(seed: UInt64(seed)).generate()
        let parallel = Planner(options: .init(bottleneckCandidates: 2, parallel: true)).plan(s)
        let serial = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        #expect(parallel == serial, "seed \(seed)")
    }
}
