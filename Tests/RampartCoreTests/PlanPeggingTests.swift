import RampartCore
import RampartTestSupport
import Testing

@Suite struct PlanPeggingTests {
    /// Five shells in stock, ten started on the line in month 0 from 20 t of TNT bought that month, available in
    /// month 1. D-1 takes 5 in month 0 and 4 in month 2, D-2 takes 6 in month 1: first in, first out, D-1's first five
    /// are the stock, D-2's six and D-1's last four the line's output; the TNT goes to the line, not to a demand.
    static let scenario = Scenario(
        name: "peg", startMonth: "2026-01", horizonMonths: 4,
        items: [
            Item(id: "SHELL", name: "Shell", kind: .end, bom: [BOMEntry(item: "TNT", qty: 2)]),
            Item(id: "TNT", name: "TNT", kind: .material),
        ],
        lines: [
            Line(
                id: "L-SHELL", producer: "P", country: "FR", item: "SHELL", leadTimeMonths: 1,
                capacity: [CapacityStep(from: 0, perMonth: 12)])
        ],
        supplies: [
            Supply(
                id: "S-TNT", supplier: "Q", country: "DE", item: "TNT", leadTimeMonths: 0, capacity: [CapacityStep(from: 0, perMonth: 30)])
        ],
        stocks: [Stock(item: "SHELL", qty: 5)],
        demands: [
            Demand(id: "D-1", nation: "FR", item: "SHELL", qty: 9, dueMonth: 0, priority: 1),
            Demand(id: "D-2", nation: "DE", item: "SHELL", qty: 6, dueMonth: 1, priority: 2),
        ])

    static let plan = Plan(
        scenario: "peg", objective: Objective(weightedLateness: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0),
        production: [ProductionEntry(line: "L-SHELL", month: 0, qty: 10)],
        purchases: [PurchaseEntry(supply: "S-TNT", month: 0, qty: 20)],
        deliveries: [
            DeliveryEntry(demand: "D-1", item: "SHELL", month: 0, qty: 5),
            DeliveryEntry(demand: "D-2", item: "SHELL", month: 1, qty: 6),
            DeliveryEntry(demand: "D-1", item: "SHELL", month: 2, qty: 4),
        ])

    @Test func pegsEachDeliveryToTheEarliestLotAvailable() {
        // MUT
        let pegging = PlanPegging(scenario: Self.scenario, plan: Self.plan)

        // validate
        #expect(
            pegging.byDemand["D-1"] == [
                .init(kind: .stock, source: nil, startMonth: nil, availableMonth: 0, deliveryMonth: 0, qty: 5),
                .init(kind: .line, source: "L-SHELL", startMonth: 0, availableMonth: 1, deliveryMonth: 2, qty: 4),
            ])
        #expect(
            pegging.byDemand["D-2"] == [.init(kind: .line, source: "L-SHELL", startMonth: 0, availableMonth: 1, deliveryMonth: 1, qty: 6)])
        #expect(pegging.byDemand.count == 2)
    }

    /// On a planned scenario, every delivered unit is pegged, to a lot available by its delivery month.
    @Test func pegsEveryUnitThePlannerDelivers() {
        let scenario = AlternateGenerator.random(seed: 3).generate()
        let plan = Planner().plan(scenario)

        // MUT
        let pegging = PlanPegging(scenario: scenario, plan: plan)

        // validate
        var delivered: [String: Double] = [:]
        for delivery in plan.deliveries { delivered[delivery.demand, default: 0] += delivery.qty }
        #expect(!delivered.isEmpty)
        for (demand, qty) in delivered {
            let pegged = pegging.byDemand[demand] ?? []
            let sum = pegged.reduce(0) { $0 + $1.qty }
            #expect(abs(sum - qty) <= 1e-6 * max(1, qty), "\(demand): \(sum) pegged of \(qty)")
            #expect(pegged.allSatisfy { $0.availableMonth <= $0.deliveryMonth })
        }
    }

    @Test func aSourceLoadIsWhatThePlanStartsAgainstItsCapacity() {
        // MUT
        let loads = SourceLoad.all(scenario: Self.scenario, plan: Self.plan)

        // validate
        #expect(loads.map(\.source) == ["L-SHELL", "S-TNT"])
        #expect(loads[0].isLine && !loads[1].isLine)
        #expect(loads[0].used == [10, 0, 0, 0])
        #expect(loads[0].capacity == [12, 12, 12, 12])
        #expect(loads[1].used == [20, 0, 0, 0])
    }
}
