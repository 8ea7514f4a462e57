import RampartCore
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
