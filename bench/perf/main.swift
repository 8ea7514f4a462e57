// Times LPExporter on a generated scenario of a few million columns, in release, without SwiftPM:
//   bench/perf/run.sh [demands]; LP_PERF_AGGREGATE_ONLY=1 skips the per-demand export.
import Foundation

var seed: UInt64 = 42
func random(_ n: Int) -> Int {
    seed = seed &* 6364136223846793005 &+ 1442695040888963407
    return Int((seed >> 33) % UInt64(n))
}

let horizon = 120
let demandCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 200_000
let endItems = (0..<60).map { Item(id: "E\($0)", name: "end \($0)", kind: .end, itemClass: "K\($0 / 3)",
                                   bom: [BOMEntry(item: "C\($0 % 40)", qty: 1), BOMEntry(item: "M\($0 % 30)", qty: 10.8)]) }
let components = (0..<40).map { Item(id: "C\($0)", name: "component \($0)", kind: .component,
                                     bom: [BOMEntry(item: "M\($0 % 30)", qty: 0.25)]) }
let materials = (0..<30).map { Item(id: "M\($0)", name: "material \($0)", kind: .material) }
let items = endItems + components + materials
let lines = (0..<300).map { k in
    Line(id: "L\(k)", producer: "P", country: "DE", item: items[k % 100].id, leadTimeMonths: 1 + k % 4,
         capacity: [CapacityStep(from: 0, perMonth: Double(100 + k)), CapacityStep(from: 12 + k % 24, perMonth: Double(300 + 2 * k))])
}
let supplies = (0..<100).map { k in
    Supply(id: "S\(k)", supplier: "S", country: "PL", item: items[60 + k % 70].id, leadTimeMonths: k % 3,
           capacity: [CapacityStep(from: 0, perMonth: 5000)])
}
let demands = (0..<demandCount).map { k in
    let byClass = random(2) == 0
    return Demand(id: "D\(k)", nation: "N\(random(30))", item: byClass ? nil : "E\(random(60))",
                  itemClass: byClass ? "K\(random(20))" : nil, qty: Double(1 + random(5000)),
                  dueMonth: random(horizon), priority: 1 + random(5))
}
let scenario = Scenario(name: "perf", startMonth: "2026-01", horizonMonths: horizon, items: items, lines: lines,
                        supplies: supplies, stocks: [], demands: demands)

let clock = ContinuousClock()
let environment = ProcessInfo.processInfo.environment
for aggregate in environment["LP_PERF_AGGREGATE_ONLY"] != nil ? [true] : [true, false] {
    var exporter: LPExporter!
    let build = clock.measure { exporter = LPExporter(scenario: scenario, aggregateDemands: aggregate) }
    print("aggregate=\(aggregate): \(exporter.size), built in \(build)")
    for format in ["lp", "mps"] {
        var bytes = 0
        var chunks = 0
        let path = environment["LP_PERF_OUT"].map { "\($0).\(aggregate ? "agg" : "per").\(format)" }
        let file = path.flatMap { FileManager.default.createFile(atPath: $0, contents: nil) ? FileHandle(forWritingAtPath: $0) : nil }
        let sink: (String) -> Void = { text in
            bytes += text.utf8.count
            chunks += 1
            file?.write(Data(text.utf8))
        }
        let time = clock.measure {
            if format == "lp" { exporter.writeCPLEXLP(to: sink) } else { exporter.writeMPS(to: sink) }
        }
        try? file?.close()
        print("  \(format): \(bytes / 1_000_000) MB in \(chunks) chunks, \(time)")
    }
}
