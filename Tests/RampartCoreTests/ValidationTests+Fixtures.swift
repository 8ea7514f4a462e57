import Foundation
import Testing

@testable import RampartCore

/// The planning-model.md sample, plus the item FUZE-PD that its bill of materials uses but the
/// sample leaves out. Rule tests edit it by replacing one snippet that occurs once.
let sampleFile = """
    {
      "version": 1,
      "name": "alliance-demo",
      "startMonth": "2026-01",
      "horizonMonths": 120,
      "items": [
        {"id": "SHELL-155-HE", "name": "155 mm HE projectile", "kind": "end", "class": "155-JBMOU",
         "bom": [{"item": "FUZE-PD", "qty": 1}, {"item": "TNT", "qty": 10.8}]},
        {"id": "FUZE-PD", "name": "Point-detonating fuze", "kind": "component"},
        {"id": "TNT", "name": "TNT", "kind": "material"}
      ],
      "lines": [
        {"id": "L-DE-1", "producer": "Producer A", "country": "DE", "item": "SHELL-155-HE",
         "leadTimeMonths": 2, "capacity": [{"from": 0, "perMonth": 20000}, {"from": 18, "perMonth": 40000}]}
      ],
      "supplies": [
        {"id": "S-PL-1", "supplier": "Supplier B", "country": "PL", "item": "TNT",
         "leadTimeMonths": 1, "capacity": [{"from": 0, "perMonth": 400000}]}
      ],
      "stocks": [{"item": "SHELL-155-HE", "qty": 50000}],
      "demands": [
        {"id": "D-PL-0001", "nation": "PL", "class": "155-JBMOU", "qty": 60000, "dueMonth": 12, "priority": 1},
        {"id": "D-NO-0001", "nation": "NO", "item": "SHELL-155-HE", "qty": 8000, "dueMonth": 6, "priority": 3}
      ]
    }
    """

let sampleScenario = Scenario(
    name: "alliance-demo", startMonth: "2026-01", horizonMonths: 120,
    items: [
        Item(
            id: "SHELL-155-HE", name: "155 mm HE projectile", kind: .end, itemClass: "155-JBMOU",
            bom: [BOMEntry(item: "FUZE-PD", qty: 1), BOMEntry(item: "TNT", qty: 10.8)]),
        Item(id: "FUZE-PD", name: "Point-detonating fuze", kind: .component),
        Item(id: "TNT", name: "TNT", kind: .material),
    ],
    lines: [
        Line(
            id: "L-DE-1", producer: "Producer A", country: "DE", item: "SHELL-155-HE", leadTimeMonths: 2,
            capacity: [CapacityStep(from: 0, perMonth: 20000), CapacityStep(from: 18, perMonth: 40000)])
    ],
    supplies: [
        Supply(
            id: "S-PL-1", supplier: "Supplier B", country: "PL", item: "TNT", leadTimeMonths: 1,
            capacity: [CapacityStep(from: 0, perMonth: 400000)])
    ],
    stocks: [Stock(item: "SHELL-155-HE", qty: 50000)],
    demands: [
        Demand(id: "D-PL-0001", nation: "PL", itemClass: "155-JBMOU", qty: 60000, dueMonth: 12, priority: 1),
        Demand(id: "D-NO-0001", nation: "NO", item: "SHELL-155-HE", qty: 8000, dueMonth: 6, priority: 3),
    ])

/// One edit of the sample file: each `old` snippet must occur exactly once.
struct Edit: CustomTestStringConvertible, Sendable {
    var replacements: [(old: String, new: String)]
    var expected: [ScenarioIssue]

    init(_ old: String, _ new: String, _ expected: [(String, String)]) {
        self.init([(old, new)], expected)
    }

    init(_ replacements: [(String, String)], _ expected: [(String, String)]) {
        self.replacements = replacements.map { (old: $0.0, new: $0.1) }
        self.expected = expected.map { ScenarioIssue(path: $0.0, message: $0.1) }
    }

    var testDescription: String {
        replacements.map { "\($0.old) → \($0.new)" }.joined(separator: "; ")
    }

    func apply(to file: String = sampleFile) throws -> String {
        var file = file
        for (old, new) in replacements {
            let ranges = file.ranges(of: old)
            try #require(ranges.count == 1, "\"\(old)\" occurs \(ranges.count) times in the sample")
            file.replaceSubrange(ranges[0], with: new)
        }
        return file
    }
}

/// The issues `ScenarioReader.read` reports for `file` (none if it reads).
func readIssues(_ file: String) -> [ScenarioIssue] {
    readIssues(Data(file.utf8))
}

func readIssues(_ data: Data) -> [ScenarioIssue] {
    do {
        _ = try ScenarioReader.read(data)
        return []
    } catch {
        return error.issues
    }
}

func issue(_ path: String, _ message: String) -> ScenarioIssue {
    ScenarioIssue(path: path, message: message)
}

/// A deterministic generator for the fuzz tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
