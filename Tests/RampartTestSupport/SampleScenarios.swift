import RampartCore

/// The scenarios the test targets share, so that each suite does not write its own.
public enum SampleScenarios {
    /// Two nations (FR, PL), two producers of 155 mm shells (KNDS France, Mesko) and a TNT supplier (Nitro-Chem);
    /// FR's second demand is for the class 155MM. The server's tests seed it with one account per role.
    public static func twoNations() -> Scenario {
        Scenario(
            name: "fixture", startMonth: "2026-01", horizonMonths: 24,
            items: [
                Item(id: "SHELL-155", name: "155 mm shell", kind: .end, itemClass: "155MM", bom: [BOMEntry(item: "TNT", qty: 8)]),
                Item(id: "TNT", name: "TNT (kg)", kind: .material),
            ],
            lines: [
                Line(
                    id: "L-NEXTER", producer: "KNDS France", country: "FR", item: "SHELL-155", leadTimeMonths: 1,
                    capacity: [CapacityStep(from: 0, perMonth: 100), CapacityStep(from: 6, perMonth: 300)]),
                Line(
                    id: "L-MESKO", producer: "Mesko", country: "PL", item: "SHELL-155", leadTimeMonths: 2,
                    capacity: [CapacityStep(from: 0, perMonth: 50)]),
            ],
            supplies: [
                Supply(
                    id: "S-TNT", supplier: "Nitro-Chem", country: "PL", item: "TNT", leadTimeMonths: 1,
                    capacity: [CapacityStep(from: 0, perMonth: 2_000)])
            ],
            stocks: [Stock(item: "TNT", qty: 500)],
            demands: [
                Demand(id: "FR-1", nation: "FR", item: "SHELL-155", qty: 600, dueMonth: 3, priority: 1),
                Demand(id: "FR-2", nation: "FR", itemClass: "155MM", qty: 1_000, dueMonth: 12, priority: 2),
                Demand(id: "PL-1", nation: "PL", item: "SHELL-155", qty: 900, dueMonth: 4, priority: 1),
            ])
    }

    /// A scenario file as a user writes it: a shell with a fuze and TNT, one line, two supplies, a class demand (PL)
    /// and an item demand (NO).
    public static let cliSampleJSON = """
        {
          "version": 1, "name": "cli-sample", "startMonth": "2026-01", "horizonMonths": 24,
          "items": [
            {"id": "SHELL", "name": "155 mm shell", "kind": "end", "class": "155",
             "bom": [{"item": "FUZE", "qty": 1}, {"item": "TNT", "qty": 10.8}]},
            {"id": "FUZE", "name": "Fuze", "kind": "component"},
            {"id": "TNT", "name": "TNT", "kind": "material"}
          ],
          "lines": [{"id": "L1", "producer": "Producer A", "country": "DE", "item": "SHELL", "leadTimeMonths": 2,
                     "capacity": [{"from": 0, "perMonth": 1000}, {"from": 12, "perMonth": 3000}]}],
          "supplies": [
            {"id": "S-TNT", "supplier": "Nitro", "country": "PL", "item": "TNT", "leadTimeMonths": 1, "capacity": [{"from": 0, "perMonth": 20000}]},
            {"id": "S-FUZE", "supplier": "Fuzes Inc", "country": "FR", "item": "FUZE", "leadTimeMonths": 1, "capacity": [{"from": 0, "perMonth": 5000}]}
          ],
          "stocks": [{"item": "SHELL", "qty": 500}],
          "demands": [
            {"id": "D-PL-1", "nation": "PL", "class": "155", "qty": 6000, "dueMonth": 5, "priority": 1},
            {"id": "D-NO-1", "nation": "NO", "item": "SHELL", "qty": 4000, "dueMonth": 6, "priority": 3}
          ]
        }
        """
}
