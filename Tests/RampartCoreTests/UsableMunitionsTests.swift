import RampartTestSupport
import Testing

@testable import RampartCore

/// A nation's class demand served only by the munitions it can use, checked with the independent plan checker.
@Suite struct UsableMunitionsTests {
    static let day = CalendarDay(2020, 1, 1)

    /// Class K holds A and B, each made 10 a month. FR operates S1, for which only A is qualified; PL operates S2,
    /// for which both are. FR and PL each need 20 of class K in month 0.
    static func scenario() -> Scenario {
        Scenario(
            name: "usable", startMonth: "2026-01", horizonMonths: 6,
            items: [Item(id: "A", name: "A", kind: .end, itemClass: "K"), Item(id: "B", name: "B", kind: .end, itemClass: "K")],
            lines: [
                Line(id: "LA", producer: "P", country: "FR", item: "A", leadTimeMonths: 0, capacity: [CapacityStep(from: 0, perMonth: 10)]),
                Line(id: "LB", producer: "P", country: "FR", item: "B", leadTimeMonths: 0, capacity: [CapacityStep(from: 0, perMonth: 10)]),
            ],
            supplies: [], stocks: [],
            demands: [
                Demand(id: "FR-1", nation: "FR", itemClass: "K", qty: 20, dueMonth: 0, priority: 1),
                Demand(id: "PL-1", nation: "PL", itemClass: "K", qty: 20, dueMonth: 0, priority: 1),
                Demand(id: "DE-1", nation: "DE", itemClass: "K", qty: 5, dueMonth: 3, priority: 5),
            ])
    }

    static let fleets = [Fleet(nation: "FR", system: "S1", count: 10), Fleet(nation: "PL", system: "S2", count: 10)]
    static let qualifications = [
        Qualification(item: "A", system: "S1", nation: "FR", qualifiedOn: day),
        Qualification(item: "A", system: "S2", nation: "PL", qualifiedOn: day),
        Qualification(item: "B", system: "S2", nation: "PL", qualifiedOn: day),
    ]

    @Test func aClassDemandIsServedOnlyByTheMunitionsItsNationCanUse() {
        // MUT
        let applied = UsableMunitions.apply(to: Self.scenario(), fleets: Self.fleets, qualifications: Self.qualifications, recognitions: [])

        // validate: FR's demand lists A only; PL's keeps its class (it can use all of it); DE has no fleet recorded
        #expect(applied.narrowed == ["FR-1"])
        #expect(applied.scenario.demands[0].items == ["A"] && applied.scenario.demands[0].itemClass == nil)
        #expect(applied.scenario.demands[1].itemClass == "K" && applied.scenario.demands[1].items == nil)
        #expect(applied.scenario.demands[2].itemClass == "K")
        #expect(applied.scenario.validationIssues().isEmpty)
        let plan = Planner(options: .init(bottleneckCandidates: 0)).plan(applied.scenario)
        #expect(PlanChecker(scenario: applied.scenario).problems(in: plan) == [])
        let fr = plan.deliveries.filter { $0.demand == "FR-1" }
        #expect(Set(fr.map(\.item)) == ["A"])
        #expect(fr.reduce(0) { $0 + $1.qty } == 20)
    }

    @Test func aNationThatCanUseNoneOfAClassIsReportedWithItsSystems() {
        let fleets = Self.fleets + [Fleet(nation: "DE", system: "S9", count: 4)]
        let applied = UsableMunitions.apply(to: Self.scenario(), fleets: fleets, qualifications: Self.qualifications, recognitions: [])
        #expect(applied.unusable.map(\.description) == ["DE-1: DE can fire no munition of class K with its systems (S9)"])
        #expect(applied.scenario.demands[2].itemClass == "K")
    }

    @Test func aRecognitionWidensTheList() {
        let recognitions = [Recognition(nation: "FR", recognises: "PL")]
        let fleets = Self.fleets + [Fleet(nation: "FR", system: "S2", count: 1)]
        let applied = UsableMunitions.apply(
            to: Self.scenario(), fleets: fleets, qualifications: Self.qualifications, recognitions: recognitions)
        // FR now fires A and B through its S2 on PL's qualifications: the whole class, so its demand stays a class demand
        #expect(applied.narrowed.isEmpty && applied.scenario.demands[0].itemClass == "K")
    }

    @Test func aClassNoQualificationNamesIsNotGoverned() {
        let applied = UsableMunitions.apply(
            to: Self.scenario(), fleets: Self.fleets,
            qualifications: [Qualification(item: "Z", system: "S1", nation: "FR", qualifiedOn: Self.day)], recognitions: [])
        #expect(applied.narrowed.isEmpty && applied.unusable.isEmpty && applied.scenario == Self.scenario())
    }
}
