import Testing

@testable import RampartCore

/// Generated once per test run; the debug build is slow enough that M should not be rebuilt per test.
private enum Generated {
    static let s1 = ScenarioGenerator(seed: 1, scale: .S).generate()
    static let s2 = ScenarioGenerator(seed: 2, scale: .S).generate()
    static let m1 = ScenarioGenerator(seed: 1, scale: .M).generate()
    static let demo = DemoScenario.make()

    static func of(_ scale: ScenarioScale, seed: UInt64) -> Scenario {
        switch (scale, seed) {
        case (.S, 1): s1
        case (.S, 2): s2
        case (.M, 1): m1
        default: ScenarioGenerator(seed: seed, scale: scale).generate()
        }
    }
}

@Suite struct GeneratorTests {
    @Test func sameSeedAndScaleGiveTheIdenticalScenario() {
        #expect(ScenarioGenerator(seed: 1, scale: .S).generate() == Generated.s1)
        #expect(ScenarioGenerator(seed: 1, scale: .M).generate() == Generated.m1)
    }

    /// Pins the exact output for seed 1: the same on every platform and Swift version. If a change
    /// to the generator is intended, update the value (and say so in the commit).
    @Test func seed1ScaleSIsPinned() {
        #expect(ScenarioFingerprint.of(Generated.s1) == 13_682_466_623_034_303_920)
    }

    @Test func differentSeedsGiveDifferentScenarios() {
        #expect(Generated.s1 != Generated.s2)
        #expect(Generated.s1.demands != Generated.s2.demands)
        #expect(Generated.s1.lines.map(\.capacity) != Generated.s2.lines.map(\.capacity))
    }

    @Test(arguments: [ScenarioScale.S, .M])
    func demandCountMatchesTheScale(scale: ScenarioScale) {
        let scenario = Generated.of(scale, seed: 1)
        #expect(scenario.demands.count == scale.demandCount)
        #expect(scale.demandCount == ["S": 1_000, "M": 10_000][scale.rawValue])
    }

    @Test(arguments: [ScenarioScale.L, .XL])
    func largeScalesHaveTheirDemandCountAndProportionalLines(scale: ScenarioScale) {
        let scenario = ScenarioGenerator(seed: 1, scale: scale).generate()
        #expect(scenario.demands.count == scale.demandCount)
        let demandsPerLine = Double(scenario.demands.count) / Double(scenario.lines.count)
        #expect((10...20).contains(demandsPerLine))
        let endItems = scenario.items.filter { $0.kind == .end }.count
        #expect((35...65).contains(Double(scenario.demands.count) / Double(endItems)))
    }

    @Test(arguments: [(ScenarioScale.S, UInt64(1)), (.S, 2), (.S, 77), (.M, 1)])
    func generatedScenarioIsWellFormed(scale: ScenarioScale, seed: UInt64) {
        let scenario = Generated.of(scale, seed: seed)
        #expect(StructureCheck.problems(scenario) == [])
        #expect(StructureCheck.bomDepthProblems(scenario) == [])
        #expect(StructureCheck.roundingProblems(scenario) == [])
        #expect(Set(scenario.demands.map(\.nation)) == StructureCheck.allies)
    }

    @Test(arguments: [ScenarioScale.S, .M])
    func demandOutrunsCapacityEarlyAndIsMetLater(scale: ScenarioScale) {
        let scenario = Generated.of(scale, seed: 1)
        let early = StructureCheck.endItemDemandAndCapacity(scenario, months: 24)
        #expect(early.demand > 1.3 * early.capacity)
        let whole = StructureCheck.endItemDemandAndCapacity(scenario, months: scenario.horizonMonths)
        #expect(whole.capacity > 1.1 * whole.demand)
    }

    @Test func shapeFollowsTheProblem() {
        let scenario = Generated.s1
        let classes = Set(scenario.items.compactMap(\.itemClass))
        #expect(classes.count == 7)
        for itemClass in classes {
            #expect(scenario.items.filter { $0.itemClass == itemClass }.count >= 2)
        }
        let named = scenario.demands.filter { $0.item != nil }.count
        #expect(named > 0 && named < scenario.demands.count / 2)
        #expect(Set(scenario.demands.map(\.priority)) == [1, 2, 3, 4, 5])
        #expect(scenario.demands.filter { $0.priority == 1 }.count < scenario.demands.count / 5)
        #expect(scenario.lines.contains { $0.capacity.first!.from >= 12 })
        #expect(scenario.lines.allSatisfy { (1...4).contains($0.capacity.count) })
        #expect(scenario.lines.filter { $0.capacity.count >= 2 }.count > scenario.lines.count / 2)
        #expect(!scenario.stocks.isEmpty)
        let tntCountries = Set(scenario.supplies.filter { $0.item == "TNT" }.map(\.country))
        #expect(tntCountries.count <= 2)
        let linters = scenario.supplies.filter { $0.item == "COTTON-LINTERS" }
        #expect(linters.contains { $0.country == "CN" })
    }

    @Test func shorterHorizonKeepsMonthsInRange() {
        for horizon in [1, 6, 24] {
            let scenario = ScenarioGenerator(seed: 5, scale: .S, horizonMonths: horizon).generate()
            #expect(scenario.horizonMonths == horizon)
            #expect(StructureCheck.problems(scenario) == [])
        }
    }

    @Test func demoScenarioIsWellFormed() {
        let demo = Generated.demo
        #expect(demo.name == "alliance-demo")
        #expect(demo.startMonth == "2026-01")
        #expect(demo.horizonMonths == 120)
        #expect(StructureCheck.problems(demo) == [])
        #expect(StructureCheck.bomDepthProblems(demo) == [])
        #expect(StructureCheck.roundingProblems(demo) == [])
        let early = StructureCheck.endItemDemandAndCapacity(demo, months: 24)
        #expect(early.demand > early.capacity)
    }

    @Test func demoCarriesTheSourcedFigures() {
        let demo = Generated.demo
        func capacity(_ id: String, _ month: Int, in schedules: [(String, [CapacityStep])]) -> Double? {
            schedules.first { $0.0 == id }.map { CapacityStep.capacity($0.1, month: month) }
        }
        let lines = demo.lines.map { ($0.id, $0.capacity) }
        let supplies = demo.supplies.map { ($0.id, $0.capacity) }
        #expect(capacity("L-DE-0001", 0, in: lines) == 11_667)  // Unterlüß 140,000 in 2026
        #expect(capacity("L-DE-0001", 12, in: lines) == 29_167)  // 350,000 a year from 2027
        #expect(capacity("L-US-0001", 0, in: lines) == 40_000)
        #expect(capacity("L-US-0001", 6, in: lines) == 100_000)
        #expect(capacity("L-US-0002", 0, in: lines) == 52)  // 620 PAC-3 MSE in 2025
        #expect(capacity("L-US-0002", 48, in: lines) == 167)  // 2,000 a year
        #expect(capacity("S-PL-0001", 0, in: supplies) == 833_333)  // Nitro-Chem 10,000 t a year
        #expect(demo.supplies.filter { $0.item == "TNT" && $0.country != "PL" }.allSatisfy { $0.capacity[0].from >= 12 })
        let linters = demo.supplies.filter { $0.item == "COTTON-LINTERS" }
        for month in [0, 12] {  // China's share of Europe's linters: more than 70 %
            func sum(_ supplies: [Supply]) -> Double {
                supplies.reduce(0) { $0 + CapacityStep.capacity($1.capacity, month: month) }
            }
            #expect(sum(linters.filter { $0.country == "CN" }) / sum(linters.filter { $0.country != "US" }) >= 0.7)
        }
        #expect(demo.demands.filter { $0.item == "INTERCEPTOR-GEM-T" }.reduce(0) { $0 + $1.qty } == 1_000)
    }
}
