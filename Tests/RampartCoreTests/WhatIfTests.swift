import RampartTestSupport
import Testing

@testable import RampartCore

@Suite struct WhatIfTests {
    private let base = scenario(
        horizon: 12,
        items: [Item(id: "E", name: "E", kind: .end, bom: [BOMEntry(item: "M", qty: 2)]), Item(id: "M", name: "M", kind: .material)],
        lines: [
            line("L-DE", "E", [(0, 10), (6, 20)], producer: "Acme", country: "DE"),
            line("L-FR", "E", [(0, 5)], producer: "Bolt", country: "FR"),
        ],
        supplies: [supply("S-PL", "M", [(0, 100)], supplier: "Nitro", country: "PL")],
        demands: [
            demand("D1", item: "E", 60, due: 3, priority: 1, nation: "PL"), demand("D2", item: "E", 30, due: 5, priority: 4, nation: "NO"),
        ])

    private func monthly(_ steps: [CapacityStep]) -> [Double] { PlanningProblem.monthly(steps, horizon: 12) }

    @Test func removingALineForSomeMonthsZeroesOnlyThoseMonths() {
        let changed = WhatIfChange(target: .line("L-DE"), effect: .remove, fromMonth: 2, toMonth: 7).apply(to: base)
        #expect(monthly(changed.lines[0].capacity) == [10, 10, 0, 0, 0, 0, 0, 0, 20, 20, 20, 20])
        #expect(changed.lines[1] == base.lines[1])
        #expect(changed.validationIssues() == [])
    }

    @Test func removingACountryOrSupplierForGood() {
        let noPL = WhatIfChange(target: .country("PL"), effect: .remove).apply(to: base)
        #expect(monthly(noPL.supplies[0].capacity).allSatisfy { $0 == 0 })
        #expect(noPL.lines == base.lines)
        let noBolt = WhatIfChange(target: .supplier("Bolt"), effect: .remove, fromMonth: 4).apply(to: base)
        #expect(monthly(noBolt.lines[1].capacity) == [5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func scalingAndSettingCapacity() {
        let doubled = WhatIfChange(target: .line("L-DE"), effect: .scale(2), fromMonth: 0, toMonth: 6).apply(to: base)
        #expect(monthly(doubled.lines[0].capacity) == [20, 20, 20, 20, 20, 20, 40, 20, 20, 20, 20, 20])
        let set = WhatIfChange(target: .supply("S-PL"), effect: .set(7)).apply(to: base)
        #expect(monthly(set.supplies[0].capacity).allSatisfy { $0 == 7 })
    }

    @Test func changesThatDoNotFitAreRefusedWithTheField() {
        #expect(
            WhatIfChange(target: .line("NOPE"), effect: .remove).issues(in: base)
                == [ScenarioIssue(path: "line", message: "unknown line \"NOPE\"")])
        #expect(
            WhatIfChange(target: .supplier("Nitro"), effect: .remove, fromMonth: 5, toMonth: 2).issues(in: base)
                == [ScenarioIssue(path: "to", message: "2 is before from (5)")])
        #expect(
            WhatIfChange(target: .country("DE"), effect: .scale(-1)).issues(in: base)
                == [ScenarioIssue(path: "scale", message: "-1.0 must be a finite number >= 0")])
        #expect(
            WhatIfChange(target: .supply("S-PL"), effect: .remove, fromMonth: 12).issues(in: base)
                == [ScenarioIssue(path: "from", message: "12 is outside the horizon (0-11)")])
        #expect(WhatIfChange(target: .line("S-PL"), effect: .remove).issues(in: base).count == 1, "a supply is not a line")
    }

    @Test func comparisonShowsWhoGetsLaterAndByHowMuch() {
        let before = Planner().plan(base)
        let changed = WhatIfChange(target: .line("L-DE"), effect: .remove, fromMonth: 0, toMonth: 2).apply(to: base)
        let after = Planner().plan(changed)
        let comparison = PlanComparison(scenario: base, before: before, after: after)
        #expect(comparison.objectiveAfter.weightedLateness > comparison.objectiveBefore.weightedLateness)
        #expect(comparison.laterCount >= 1)
        #expect(comparison.earlierCount == 0)
        let pl = comparison.nations.first { $0.nation == "PL" }
        #expect((pl?.meanDelayChangeMonths ?? 0) > 0)
        let d1 = comparison.demands.first { $0.demand == "D1" }
        #expect((d1?.delayChangeMonths ?? 0) > 0)
        #expect(d1?.weightedLatenessChange == (d1.map { ($0.meanDelayAfter - $0.meanDelayBefore) * 60 * 16 } ?? -1))
    }

    @Test func aPlanComparedWithItselfHasNoChanges() {
        let plan = Planner().plan(base)
        let comparison = PlanComparison(scenario: base, before: plan, after: plan)
        #expect(comparison.demands.isEmpty)
        #expect(comparison.nations.allSatisfy { $0.meanDelayChangeMonths == 0 })
    }
}
