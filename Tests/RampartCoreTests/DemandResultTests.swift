import RampartCore
import RampartTestSupport
import Testing

@Suite struct DemandResultTests {
    @Test func splitsDeliveriesIntoOnTimeLateAndUnserved() {
        // setup: 10 shells due in month 2; the line makes 4 a month from month 1
        let scenario = Scenario(
            name: "t", startMonth: "2026-01", horizonMonths: 4,
            items: [Item(id: "S", name: "Shell", kind: .end)],
            lines: [
                Line(id: "L", producer: "P", country: "FR", item: "S", leadTimeMonths: 0, capacity: [CapacityStep(from: 1, perMonth: 4)])
            ],
            supplies: [], stocks: [],
            demands: [Demand(id: "D", nation: "FR", item: "S", qty: 20, dueMonth: 2, priority: 1)])
        let plan = Planner().plan(scenario)
        // MUT
        let result = plan.demandResults(for: scenario)[0]
        // validate: 8 made in months 1-2 arrive by the due month, 4 made in month 3 arrive late, 8 never
        #expect(result.outcome.onTime == 8)
        #expect(result.outcome.late == 4)
        #expect(result.outcome.unserved == 8)
        #expect(result.outcome.completionMonth == 3)
        #expect(result.deliveries.reduce(0) { $0 + $1.qty } == 12)
        #expect(result.deliveries.filter { $0.month <= 2 }.reduce(0) { $0 + $1.qty } == 8)
        #expect(result.reason != nil)
        #expect(result.demand.target == .item("S"))
    }

    /// The shell line has room from month 0, but TNT comes 5 a month and each shell takes 2: the line sits idle for
    /// lack of TNT, and the TNT supply, full every month, is the constraint to name first, in calendar months.
    @Test func theMainReasonIsTheFirstSourceAtCapacityDownTheBill() {
        // setup
        let s = scenario(
            horizon: 4,
            items: [
                Item(id: "SHELL", name: "Shell", kind: .end, bom: [BOMEntry(item: "TNT", qty: 2)]),
                Item(id: "TNT", name: "TNT", kind: .material),
            ],
            lines: [line("L-SHELL", "SHELL", [(0, 100)])],
            supplies: [supply("S-TNT", "TNT", [(0, 5)])],
            demands: [demand("D-1", item: "SHELL", 40, due: 1)])
        let plan = Planner().plan(s)

        // MUT
        let result = plan.demandResults(for: s)[0]

        // validate
        #expect(result.outcome.late + result.outcome.unserved > 0)
        #expect(result.reason == "TNT supply S-TNT at capacity 2026-01 to 2026-04", "\(result.causes)")
        #expect(result.causes.first == result.reason)
        #expect(result.causes.contains { $0.hasPrefix("SHELL line L-SHELL idle 2026-") && $0.hasSuffix("for lack of components") })
    }

    /// Where the end item's own line is full, it is the main reason, whatever its materials did.
    @Test func aFullEndItemLineIsTheMainReason() {
        let s = scenario(
            horizon: 3,
            items: [Item(id: "SHELL", name: "Shell", kind: .end)],
            lines: [line("L-SHELL", "SHELL", [(0, 10)])],
            demands: [demand("D-1", item: "SHELL", 50, due: 0)])
        let result = Planner().plan(s).demandResults(for: s)[0]
        #expect(result.reason == "SHELL line L-SHELL at capacity 2026-01 to 2026-03", "\(result.causes)")
    }
}

@Suite struct MonthCalendarTests {
    @Test func labelsAndIndicesRoundTrip() throws {
        let calendar = try #require(MonthCalendar(startMonth: "2026-11"))
        #expect(calendar.label(0) == "2026-11")
        #expect(calendar.label(3) == "2027-02")
        #expect(calendar.index(of: "2027-02") == 3)
        #expect(calendar.index(of: "2026-10") == -1)
        #expect(calendar.index(of: "3") == nil)
        #expect(calendar.index(of: "2027-13") == nil)
    }
}
