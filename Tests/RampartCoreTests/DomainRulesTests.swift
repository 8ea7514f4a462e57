import RampartCore
import Testing

@Suite struct AllianceTests {
    @Test func listsThe32AlliesOnceEachInNameOrder() {
        let codes = Alliance.allies.map(\.code)
        #expect(codes.count == 32)
        #expect(Set(codes).count == 32)
        #expect(Alliance.allies.map(\.name) == Alliance.allies.map(\.name).sorted())
        #expect(Alliance.allies.allSatisfy { $0.isAlly })
        #expect(Alliance.partners.map(\.code) == ["UA", "EU"])
        #expect(!Alliance.partners.contains { $0.isAlly })
    }

    /// The years agree with `member_since` in NATO's defence-expenditure tables (shared/data).
    @Test func datesEachAccession() {
        let years = Dictionary(uniqueKeysWithValues: Alliance.allies.map { ($0.code, $0.accession?.year ?? 0) })
        #expect(years["US"] == 1949 && years["GR"] == 1952 && years["TR"] == 1952 && years["DE"] == 1955)
        #expect(years["ES"] == 1982 && years["PL"] == 1999 && years["EE"] == 2004 && years["AL"] == 2009)
        #expect(years["ME"] == 2017 && years["MK"] == 2020 && years["FI"] == 2023 && years["SE"] == 2024)
    }

    @Test func answersWhoWasAnAllyOnADay() {
        #expect(Alliance.allies(on: CalendarDay(2023, 4, 3)).count == 30)
        #expect(Alliance.allies(on: CalendarDay(2023, 4, 4)).count == 31)
        #expect(Alliance.allies(on: CalendarDay(2024, 3, 7)).count == 32)
        #expect(Alliance.allies(on: CalendarDay(1949, 8, 24)).count == 12)
        #expect(Alliance.nation("UA")?.isAlly(on: CalendarDay(2030, 1, 1)) == false)
    }

    @Test func namesKnownCodesAndEchoesUnknownOnes() {
        #expect(Alliance.name(of: "TR") == "Türkiye")
        #expect(Alliance.name(of: "EU") == "European Union")
        #expect(Alliance.name(of: "XX") == "XX")
        #expect(CalendarDay(2024, 3, 7).description == "2024-03-07")
    }
}

@Suite struct ObjectiveDefinitionTests {
    @Test func weighsPrioritiesAndClampsOutOfRangeOnes() {
        #expect((1...5).map(ObjectiveDefinition.weight(priority:)) == [16, 8, 4, 2, 1])
        #expect(ObjectiveDefinition.weight(priority: 0) == 16)
        #expect(ObjectiveDefinition.weight(priority: 9) == 1)
        #expect(Demand.weight(priority: 3) == ObjectiveDefinition.weight(priority: 3))
    }

    /// Horizon 24, due in month 10: an unserved unit counts 24 - 10 + 12 = 26 months late.
    @Test func chargesAnUnservedUnitToTheHorizonPlusTwelveMonths() {
        #expect(ObjectiveDefinition.unservedMonths(horizon: 24, due: 10) == 26)
        // 3 unit-months late plus 2 unserved units: 3 + 2 × 26 = 55; at priority 2 (weight 8): 440.
        #expect(ObjectiveDefinition.lateness(lateUnitMonths: 3, unserved: 2, horizon: 24, due: 10) == 55)
        #expect(ObjectiveDefinition.weightedLateness(weight: 8, lateUnitMonths: 3, unserved: 2, horizon: 24, due: 10) == 440)
    }

    /// The evaluator and the LP model use the same definition: one unit never delivered, weight 16.
    @Test func evaluatorAndLPUseTheDefinition() {
        let scenario = Scenario(
            name: "t", startMonth: "2026-01", horizonMonths: 6, items: [Item(id: "S", name: "Shell", kind: .end)],
            lines: [], supplies: [], stocks: [],
            demands: [Demand(id: "D", nation: "FR", item: "S", qty: 1, dueMonth: 2, priority: 1)])
        let plan = Plan(
            scenario: "t", objective: Objective(weightedLateness: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0),
            production: [], purchases: [], deliveries: [])
        let outcome = PlanEvaluator(scenario: scenario).outcomes(of: plan)[0]
        #expect(outcome.unserved == 1)
        #expect(outcome.weightedLateness == 16 * ObjectiveDefinition.unservedMonths(horizon: 6, due: 2))
    }
}

@Suite struct DemandTargetTests {
    @Test func keysItemsByIdAndClassesWithAPrefix() {
        #expect(DemandTarget(item: "155-SHELL", itemClass: nil).key == "155-SHELL")
        #expect(DemandTarget(item: nil, itemClass: "shell-155").key == "class:shell-155")
        #expect(DemandTarget.itemClass("x").isClass && !DemandTarget.item("x").isClass)
        #expect(DemandTarget.itemClass("x").name == "x")
        let demand = Demand(id: "D", nation: "FR", itemClass: "shell-155", qty: 1, dueMonth: 0, priority: 1)
        #expect(demand.target == .itemClass("shell-155"))
    }
}
