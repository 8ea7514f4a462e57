import Foundation
import Testing

@testable import RampartCore

/// bench/fixtures/tiny.json: SHELL (2 TNT each) on one line, lead 1, 10/month; TNT bought, lead 1,
/// 15/month; stock 5 SHELL, 20 TNT; horizon 4. Demands D1a (12) and D1b (8) of SHELL due 1 at
/// priority 1, D2 (12) of class 155 due 0 at priority 3. LP optimum 318, derived in bench/README.md.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func tinyScenario() throws -> Scenario {
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("bench/fixtures/tiny.json"))
    return try JSONDecoder().decode(Scenario.self, from: data)
}

private let tinyOptimum = 318.0

/// A line with a step schedule and items nothing delivers (JUNK and what only JUNK consumes).
private func stepScenario() -> Scenario {
    Scenario(
        name: "steps & junk", startMonth: "2026-01", horizonMonths: 6,
        items: [
            Item(id: "A", name: "A", kind: .end, bom: [BOMEntry(item: "M", qty: 10.8)]),
            Item(id: "M", name: "M", kind: .material),
            Item(id: "JUNK", name: "J", kind: .end, bom: [BOMEntry(item: "GLUE", qty: 1)]),
            Item(id: "GLUE", name: "G", kind: .material),
        ],
        lines: [
            Line(
                id: "LA", producer: "P", country: "DE", item: "A", leadTimeMonths: 1,
                capacity: [
                    CapacityStep(from: 0, perMonth: 0), CapacityStep(from: 2, perMonth: 10),
                    CapacityStep(from: 4, perMonth: 30.25),
                ]),
            Line(
                id: "LJ", producer: "P", country: "DE", item: "JUNK", leadTimeMonths: 0,
                capacity: [CapacityStep(from: 0, perMonth: 5)]),
        ],
        supplies: [
            Supply(
                id: "SM", supplier: "S", country: "PL", item: "M", leadTimeMonths: 0,
                capacity: [CapacityStep(from: 0, perMonth: 1000)]),
            Supply(
                id: "SG", supplier: "S", country: "PL", item: "GLUE", leadTimeMonths: 0,
                capacity: [CapacityStep(from: 0, perMonth: 1000)]),
        ],
        stocks: [Stock(item: "A", qty: 3)],
        demands: [Demand(id: "D", nation: "PL", item: "A", qty: 40, dueMonth: 3, priority: 2)]
    )
}

private func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
}

/// Column names of an MPS text, checking that each column's entries are contiguous and name declared rows.
private func mpsColumns(_ text: String) throws -> [String] {
    var section = ""
    var rows: Set<String> = []
    var columns: [String] = []
    var seen: Set<String> = []
    for line in lines(text) where !line.isEmpty {
        if line.first != " " {
            section = String(line.split(separator: " ")[0])
            continue
        }
        let fields = line.split(separator: " ").map(String.init)
        switch section {
        case "ROWS":
            #expect(fields.count == 2)
            rows.insert(fields[1])
        case "COLUMNS":
            #expect(fields.count == 3)
            #expect(rows.contains(fields[1]), "undeclared row \(fields[1])")
            #expect(Double(fields[2]) != nil)
            if columns.last != fields[0] {
                #expect(!seen.contains(fields[0]), "column \(fields[0]) is not contiguous")
                columns.append(fields[0])
                seen.insert(fields[0])
            }
        case "RHS":
            #expect(fields.count == 3 && rows.contains(fields[1]))
        case "BOUNDS":
            #expect(fields.count == 4 && fields[0] == "UP" && seen.contains(fields[2]))
        default:
            Issue.record("unexpected line in section \(section): \(line)")
        }
    }
    return columns
}

/// Single spaces, no line breaks: rows wrapped over several lines read as one.
private func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

private func lpVariables(_ text: String) -> Set<String> {
    var names: Set<String> = []
    for line in lines(text) where line.hasPrefix(" ") {
        for token in line.split(separator: " ") where token.first!.isLetter && !token.hasSuffix(":") {
            names.insert(String(token))
        }
    }
    return names
}

@Suite struct LPExportTests {
    @Test func tinySize() throws {
        let scenario = try tinyScenario()
        // 3 production, 3 purchases (month 3 arrives past the horizon), 3 + 4 deliveries, 2 unserved, 2 × 4 stocks.
        #expect(LPExporter(scenario: scenario).size == LPSize(columns: 23, rows: 10, nonzeros: 39))
        #expect(LPExporter(scenario: scenario, aggregateDemands: false).size == LPSize(columns: 27, rows: 11, nonzeros: 46))

        let exporter = LPExporter(scenario: scenario)
        #expect(try mpsColumns(exporter.mps()).count == 23)
        #expect(lpVariables(exporter.cplexLP()).count == 23)
    }

    @Test func tinyObjectiveAndBalanceRows() throws {
        let text = LPExporter(scenario: try tinyScenario()).cplexLP()
        let objective = String(lines(text)[2])
        // Group 0 = D1a + D1b (weight 16, due 1), group 1 = D2 (weight 4, due 0).
        #expect(objective == " obj: 16 x_0_0_2 + 32 x_0_0_3 + 240 u_0 + 4 x_1_0_1 + 8 x_1_0_2 + 12 x_1_0_3 + 64 u_1")
        let rows = Set(lines(text).map(String.init))
        #expect(rows.contains(" bal_0_0: s_0_0 + x_1_0_0 = 5"))
        #expect(rows.contains(" bal_0_1: s_0_1 - s_0_0 - p_0_0 + x_1_0_1 + x_0_0_1 = 0"))
        #expect(rows.contains(" bal_1_0: s_1_0 + 2 p_0_0 = 20"))
        #expect(rows.contains(" bal_1_1: s_1_1 - s_1_0 + 2 p_0_1 - b_0_0 = 0"))
        #expect(rows.contains(" bal_1_3: s_1_3 - s_1_2 - b_0_2 = 0"))
        #expect(rows.contains(" dem_0: x_0_0_1 + x_0_0_2 + x_0_0_3 + u_0 = 20"))
        #expect(rows.contains(" dem_1: x_1_0_0 + x_1_0_1 + x_1_0_2 + x_1_0_3 + u_1 = 12"))
        #expect(rows.contains(" p_0_2 <= 10"))
        #expect(!rows.contains(" p_0_3 <= 10"))
    }

    /// bench/test_bench.py solves these committed exports; they must stay what the exporter writes.
    @Test func tinyExportMatchesCommittedFixtures() throws {
        let exporter = LPExporter(scenario: try tinyScenario())
        let fixtures = repositoryRoot.appendingPathComponent("bench/fixtures")
        let lp = try String(contentsOf: fixtures.appendingPathComponent("tiny.lp"), encoding: .utf8)
        let mps = try String(contentsOf: fixtures.appendingPathComponent("tiny.mps"), encoding: .utf8)
        #expect(exporter.cplexLP() == lp, "regenerate bench/fixtures/tiny.lp")
        #expect(exporter.mps() == mps, "regenerate bench/fixtures/tiny.mps")
    }

    @Test func capacityStepsBecomeBoundsAndUnusedItemsAreSkipped() throws {
        let exporter = LPExporter(scenario: stepScenario())
        let lp = exporter.cplexLP()
        let mps = exporter.mps()
        let lpLines = Set(lines(lp).map(String.init))
        // Months 0–1 have no capacity and month 5 arrives past the horizon.
        #expect(lpLines.isSuperset(of: [" p_0_2 <= 10", " p_0_3 <= 10", " p_0_4 <= 30.25"]))
        #expect(!lp.contains("p_0_0") && !lp.contains("p_0_1") && !lp.contains("p_0_5"))
        #expect(mps.contains(" UP BND  p_0_4  30.25\n"))
        #expect(mps.contains("    p_0_2  bal_1_2  10.8\n"))
        #expect(mps.contains("    p_0_2  bal_0_3  -1\n"))
        // JUNK (2), GLUE (3), their line 1 and supply 1 do not appear.
        #expect(!lp.contains("_2_") && !lp.contains("_3_") && !lp.contains("p_1_") && !lp.contains("b_1_"))
        // 3 production + 6 purchases + 3 deliveries + 1 unserved + 2 × 6 stocks.
        #expect(exporter.size.columns == 25)
        #expect(try mpsColumns(mps).count == 25)
    }

    @Test func bothFormatsAreWellFormed() throws {
        for scenario in [try tinyScenario(), stepScenario(), manyDemands()] {
            let exporter = LPExporter(scenario: scenario)
            let lp = exporter.cplexLP()
            let headers = lines(lp).filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\\") && !$0.isEmpty }
            #expect(headers == ["Minimize", "Subject To", "Bounds", "End"])
            let mps = exporter.mps()
            let sections = lines(mps).filter { !$0.hasPrefix(" ") && !$0.isEmpty }.map { $0.split(separator: " ")[0] }
            #expect(sections == ["NAME", "ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA"])
            #expect(try mpsColumns(mps).count == exporter.size.columns)
            #expect(lpVariables(lp).count == exporter.size.columns)
            #expect(lines(lp).allSatisfy { $0.utf8.count <= 500 })
            #expect(lines(mps).allSatisfy { $0.utf8.count <= 500 })
            #expect(lp.unicodeScalars.allSatisfy { $0.isASCII })
        }
        #expect(LPExporter(scenario: stepScenario()).mps().hasPrefix("NAME steps___junk\n"))
    }

    @Test func exportIsDeterministicAndChunkedAtLineEnds() throws {
        let scenario = manyDemands()
        let exporter = LPExporter(scenario: scenario)
        #expect(exporter.cplexLP() == LPExporter(scenario: scenario).cplexLP())
        #expect(exporter.mps() == LPExporter(scenario: scenario).mps())

        var chunks: [String] = []
        exporter.withChunkSize(256).writeMPS { chunks.append($0) }
        #expect(chunks.count > 10)
        #expect(chunks.allSatisfy { $0.hasSuffix("\n") })
        #expect(chunks.joined() == exporter.mps())
    }

    @Test func aggregatedAndPerDemandExportsMatchInStructure() throws {
        let scenario = try tinyScenario()
        let aggregated = LPExporter(scenario: scenario)
        let perDemand = LPExporter(scenario: scenario, aggregateDemands: false)
        #expect(aggregated.demandGroups == [[0, 2], [1]])
        #expect(perDemand.demandGroups == [[0], [1], [2]])

        // Per demand, D1b (index 2) gets columns like group 0's; renaming them gives the aggregated columns.
        let aggregatedColumns = Set(try mpsColumns(aggregated.mps()))
        let perDemandColumns = Set(try mpsColumns(perDemand.mps()))
        let renamed = Set(
            perDemandColumns.map { $0.replacingOccurrences(of: "x_2_", with: "x_0_").replacingOccurrences(of: "u_2", with: "u_0") })
        #expect(renamed == aggregatedColumns)
        let text = normalized(perDemand.cplexLP())
        #expect(text.contains("+ 64 u_1 + 16 x_2_0_2 + 32 x_2_0_3 + 240 u_2 Subject To"))
        #expect(text.contains(" dem_2: x_2_0_1 + x_2_0_2 + x_2_0_3 + u_2 = 8 "))
    }

    @Test func numbersRoundTripWithoutLocaleOrSurprises() {
        let values: [Double] = [
            0, -0.0, 1, -1, 10.8, 0.1 + 0.2, 1e-5, 2.5e-7, 123456789.125, 1e15, 0x1p53 - 1, 0x1p53, 1e20, .leastNonzeroMagnitude,
        ]
        for value in values {
            let text = LPTextWriter.number(value)
            #expect(Double(text) == value, "\(text)")
            #expect(text.allSatisfy { "0123456789.-+e".contains($0) }, "\(text)")
        }
        #expect(LPTextWriter.number(-0.0) == "0")
        #expect(LPTextWriter.number(40) == "40")
        #expect(LPTextWriter.number(9007199254740991) == "9007199254740991")
        #expect(LPTextWriter.number(1e-5) == "1e-05")
        #expect(LPTextWriter.number(1e20) == "1e+20")
    }

    @Test(.enabled(if: pythonHasHighs(), "needs python3 with highspy (scripts/test.sh installs it)"))
    func highsSolvesTheTinyExportToTheHandDerivedOptimum() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let tiny = try tinyScenario()
        var scaled = tiny
        // TNT in millionths: coefficients such as 2e-06 must parse as numbers in both formats.
        scaled.items[0].bom[0].qty = 2e-6
        scaled.stocks[1].qty = 2e-5
        scaled.supplies[0].capacity[0].perMonth = 1.5e-5
        for (name, exporter) in [
            ("agg", LPExporter(scenario: tiny)),
            ("per", LPExporter(scenario: tiny, aggregateDemands: false)),
            ("exp", LPExporter(scenario: scaled)),
        ] {
            for (ext, text) in [("lp", exporter.cplexLP()), ("mps", exporter.mps())] {
                let file = directory.appendingPathComponent("\(name).\(ext)")
                try text.write(to: file, atomically: true, encoding: .utf8)
                let result = try python([repositoryRoot.appendingPathComponent("bench/lp_bound.py").path, file.path])
                let json = try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any]
                #expect(json?["status"] as? String == "Optimal", "\(name).\(ext): \(result)")
                let objective = json?["objective"] as? Double ?? .nan
                #expect(abs(objective - tinyOptimum) <= 1e-6 * tinyOptimum, "\(name).\(ext): \(result)")
                #expect(json?["cols"] as? Int == exporter.size.columns)
                #expect(json?["rows"] as? Int == exporter.size.rows)
            }
        }
    }
}

/// One item and many demands, so that rows get long and must wrap.
private func manyDemands() -> Scenario {
    Scenario(
        name: "many", startMonth: "2026-01", horizonMonths: 24,
        items: [Item(id: "A", name: "A", kind: .end, itemClass: "K"), Item(id: "B", name: "B", kind: .end, itemClass: "K")],
        lines: [
            Line(
                id: "LA", producer: "P", country: "DE", item: "A", leadTimeMonths: 2,
                capacity: [CapacityStep(from: 0, perMonth: 7)])
        ],
        supplies: [
            Supply(
                id: "SB", supplier: "S", country: "PL", item: "B", leadTimeMonths: 0,
                capacity: [CapacityStep(from: 3, perMonth: 1.5)])
        ],
        stocks: [],
        demands: (0..<300).map { k in
            Demand(
                id: "D\(k)", nation: "N\(k % 7)", item: k % 3 == 0 ? "A" : nil, itemClass: k % 3 == 0 ? nil : "K",
                qty: Double(k % 11), dueMonth: k % 24, priority: 1 + k % 5)
        }
    )
}

private func pythonHasHighs() -> Bool {
    (try? python(["-c", "import highspy"])) != nil
}

/// Runs python3 and returns its standard output; throws if it exits non-zero.
@discardableResult
private func python(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: text])
    }
    return text
}
