import Foundation
import RampartTestSupport
import Testing

@testable import RampartCore

/// Demands that list the items that may serve them (planning-model.md, `items`): the planner, the validation, the
/// LP export, a plan's issues and the file format honour the list.
@Suite struct DemandItemListTests {
    /// A, B and C are all of class K; lines make 10 A, 10 B and 30 C a month from month 0, no lead time.
    /// D-LIST (priority 1) lists A and B: 40 units due in month 0 get 20 in month 0 and 20 in month 1, as C, though
    /// free, is not on its list: 16 × 20 × 1 = 320. D-C (priority 5) takes 30 C on time. A class demand in
    /// D-LIST's place would take 20 C on time and leave D-C 20 units a month late: 1 × 20 × 1 = 20.
    private func listScenario(listed: Demand) -> Scenario {
        scenario(
            horizon: 6,
            items: [
                Item(id: "A", name: "A", kind: .end, itemClass: "K"), Item(id: "B", name: "B", kind: .end, itemClass: "K"),
                Item(id: "C", name: "C", kind: .end, itemClass: "K"),
            ],
            lines: [line("LA", "A", [(0, 10)]), line("LB", "B", [(0, 10)]), line("LC", "C", [(0, 30)])],
            demands: [listed, demand("D-C", item: "C", 30, due: 0, priority: 5)])
    }

    private func planned(_ s: Scenario, objective: PlanObjective = .weighted) -> Plan {
        let plan = Planner(options: .init(bottleneckCandidates: 2, objective: objective)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [])
        #expect(plan.issues(against: s) == [])
        return plan
    }

    @Test func aListedDemandIsServedOnlyByItsItems() {
        let s = listScenario(listed: demand("D-LIST", items: ["B", "A"], 40, due: 0, priority: 1))
        for objective in PlanObjective.allCases {
            let plan = planned(s, objective: objective)
            #expect(plan.objective.weightedLateness == 320)
            let listed = plan.deliveries.filter { $0.demand == "D-LIST" }
            #expect(Set(listed.map(\.item)).isSubset(of: ["A", "B"]))
            #expect(listed.reduce(0) { $0 + $1.qty } == 40)
            #expect(listed.filter { $0.month == 1 }.reduce(0) { $0 + $1.qty } == 20)
        }
        let asClass = planned(listScenario(listed: demand("D-LIST", cls: "K", 40, due: 0, priority: 1)))
        #expect(asClass.objective.weightedLateness == 20)
    }

    /// The list may join items of different classes, or of none: Z (no class) in stock serves it on time, while A
    /// has no line at all.
    @Test func aListMayJoinItemsOfDifferentClasses() {
        let s = scenario(
            horizon: 4,
            items: [Item(id: "A", name: "A", kind: .end, itemClass: "K"), Item(id: "Z", name: "Z", kind: .end)],
            stocks: [Stock(item: "Z", qty: 20)],
            demands: [demand("D-X", items: ["A", "Z"], 20, due: 2, priority: 2)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 0)
        #expect(plan.deliveries.map(\.item) == ["Z"])
    }

    /// Two demands listing the same items in another order are one target: one key in the report, and one group
    /// in the LP.
    @Test func theSameListInAnotherOrderIsOneTarget() {
        let s = scenario(
            horizon: 6,
            items: [Item(id: "A", name: "A", kind: .end), Item(id: "B", name: "B", kind: .end)],
            lines: [line("LA", "A", [(0, 5)])],
            demands: [
                demand("D1", items: ["A", "B"], 20, due: 0, priority: 3), demand("D2", items: ["B", "A"], 20, due: 0, priority: 3),
            ])
        #expect(s.demands[0].target.key == "items:A,B")
        #expect(s.demands[1].target.key == "items:A,B")
        #expect(s.demands[1].target.name == "B, A")
        let plan = planned(s)
        #expect(Set(plan.report?.lateDemands.map(\.target) ?? []) == ["items:A,B"])
        #expect(plan.report?.items.map(\.key) == ["items:A,B"])
        #expect(LPExporter(scenario: s).demandGroups == [[0, 1]])
    }

    /// The LP's delivery columns of a listed demand are those of its items only (here A and B, not C).
    @Test func theLPOffersOnlyTheListedItems() {
        let s = listScenario(listed: demand("D-LIST", items: ["A", "B"], 40, due: 0, priority: 1))
        let text = LPExporter(scenario: s).cplexLP()
        // Item indices: A 0, B 1, C 2; D-LIST is group 0.
        #expect(text.contains("x_0_0_0"))
        #expect(text.contains("x_0_1_0"))
        #expect(!text.contains("x_0_2_"))
    }

    /// A delivery of an item the demand does not list is an issue of the plan, named at its path.
    @Test func aDeliveryOfAnUnlistedItemIsRefused() {
        let s = listScenario(listed: demand("D-LIST", items: ["A", "B"], 40, due: 0, priority: 1))
        var plan = planned(s)
        plan.deliveries.append(DeliveryEntry(demand: "D-LIST", item: "C", month: 2, qty: 1))
        let issues = plan.issues(against: s)
        #expect(
            issues == [
                ScenarioIssue(
                    path: "deliveries[\(plan.deliveries.count - 1)].item",
                    message: #""C" is not the item, of the class or in the items of demand "D-LIST""#)
            ])
        #expect(!PlanChecker(scenario: s).problems(in: plan).isEmpty)
    }

    /// `items` is written only where a demand has a list, and reads back as it was.
    @Test func theListIsWrittenAndReadBack() throws {
        let s = listScenario(listed: demand("D-LIST", items: ["B", "A"], 40, due: 0, priority: 1))
        let data = try JSONEncoder().encode(s)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""items":["B","A"]"#))
        // Once in the scenario's list of items, once in D-LIST; not in D-C.
        #expect(text.components(separatedBy: #""items":"#).count == 3)
        let read = try ScenarioReader.read(data)
        #expect(read == s)
    }
}
