import Foundation
import RampartCore
import Testing

/// The built binary end to end: exit codes, JSON output, errors on bad files.
@Suite struct CLIEndToEndTests {
    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every command's whole `--help`, against `Help/<command>.txt`. After changing a command's options or wording,
    /// rerun with `RAMPART_RECORD_HELP=1` to write the new texts, and read the diff before committing it.
    @Test(arguments: [[], ["plan"], ["what-if"], ["compare"], ["generate"], ["validate"], ["export-lp"], ["serve"], ["import"], ["export"]])
    func helpForEveryCommand(command: [String]) throws {
        let run = try CLI.run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Help/\(command.first ?? "rampart").txt")
        if ProcessInfo.processInfo.environment["RAMPART_RECORD_HELP"] == "1" {
            try run.stdout.write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(run.output == expected, "rampart \(command.joined(separator: " ")) --help differs from \(file.path)")
    }

    @Test func planJsonIsAValidPlanFile() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let run = try CLI.run(["plan", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try JSONDecoder().decode(Plan.self, from: run.stdout)
        #expect(plan.scenario == "cli-sample")
        #expect(plan.objective.onTimeUnits + plan.objective.lateUnits + plan.objective.unservedUnits == 10000)
        #expect(plan.report?.nations.map(\.key) == ["NO", "PL"])
    }

    @Test func sameScenarioGivesTheSamePlanBytesInTwoProcesses() throws {
        let dir = try CLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("m.json").path
        #expect(try CLI.run(["generate", "--scale", "S", "--seed", "7", "-o", scenario]).status == 0)
        let a = try CLI.run(["plan", scenario, "--json", "--quiet"])
        let b = try CLI.run(["plan", scenario, "--json", "--quiet"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func planNamesTheObjectiveItAimedAtAndComparesWithTheStrictPlan() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let strict = try CLI.run(["plan", path, "--json", "--objective", "strict"])
        #expect(strict.status == 0, "\(strict.stderr)")
        let strictPlan = try JSONDecoder().decode(Plan.self, from: strict.stdout)
        #expect(strictPlan.objectiveAimedAt == .strict)
        #expect(strictPlan.report?.againstStrict == nil)
        let weighted = try CLI.run(["plan", path, "--json", "--against-strict"])
        #expect(weighted.status == 0, "\(weighted.stderr)")
        let plan = try JSONDecoder().decode(Plan.self, from: weighted.stdout)
        #expect(plan.objectiveAimedAt == .weighted)
        let levels = try #require(plan.report?.againstStrict)
        #expect(levels.map(\.priority) == levels.map(\.priority).sorted())
        let sum = levels.reduce(0) { $0 + $1.weightedPlan.weightedLateness }
        #expect(abs(sum - plan.objective.weightedLateness) <= 1e-6 * max(1, sum))
        let strictSum = levels.reduce(0) { $0 + $1.strictPlan.weightedLateness }
        #expect(abs(strictSum - strictPlan.objective.weightedLateness) <= 1e-6 * max(1, strictSum))
        let text = try CLI.run(["plan", path, "--against-strict"])
        #expect(text.output.contains("Against the strict plan"))
        #expect(try CLI.run(["plan", path, "--objective", "strict", "--against-strict"]).status == 64)
        #expect(try CLI.run(["plan", path, "--objective", "lexicographic"]).status == 64)
    }

    @Test func planReportShowsDelaysNationsAndBottlenecks() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let run = try CLI.run(["plan", path])
        #expect(run.status == 0)
        for heading in ["Weighted lateness", "Worst delays", "Per nation", "Bottlenecks", "D-PL-1"] {
            #expect(run.output.contains(heading), "\(heading)")
        }
    }

    @Test func planWritesToAnOutputFile() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let out = dir.appendingPathComponent("plan.json")
        let run = try CLI.run(["plan", path, "--json", "--output", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        _ = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: out))
    }

    @Test func planOfTheDemoScenario() throws {
        let run = try CLI.run(["plan", "--demo", "--json", "--quiet"])
        #expect(run.status == 0)
        let plan = try JSONDecoder().decode(Plan.self, from: run.stdout)
        #expect(plan.scenario == "alliance-demo")
    }

    /// A random scenario's demands that list items are served only by the items they list, the plan is the same in
    /// two processes, and a bad list is named at its path with exit 1.
    @Test func demandsListingItemsArePlannedWithinTheirLists() throws {
        let dir = try CLI.temporaryDirectory()
        let scenarioPath = dir.appendingPathComponent("r.json").path
        #expect(try CLI.run(["generate", "--structure", "random", "--seed", "3", "-o", scenarioPath]).status == 0)
        let scenario = try ScenarioReader.read(try Data(contentsOf: URL(fileURLWithPath: scenarioPath)))
        let listed = Dictionary(uniqueKeysWithValues: scenario.demands.compactMap { d in d.items.map { (d.id, Set($0)) } })
        #expect(!listed.isEmpty)
        let a = try CLI.run(["plan", scenarioPath, "--json", "--quiet"])
        let b = try CLI.run(["plan", scenarioPath, "--json", "--quiet"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let plan = try JSONDecoder().decode(Plan.self, from: a.stdout)
        #expect(plan.issues(against: scenario) == [])
        let served = plan.deliveries.filter { listed[$0.demand] != nil }
        #expect(!served.isEmpty)
        #expect(served.allSatisfy { listed[$0.demand]!.contains($0.item) })

        let bad = sampleScenario.replacingOccurrences(
            of: "\"item\": \"SHELL\", \"qty\": 4000", with: "\"items\": [\"SHELL\", \"NOPE\"], \"qty\": 4000")
        #expect(bad != sampleScenario)
        let run = try CLI.run(["validate", try write(bad, "bad-list.json", in: dir)])
        #expect(run.status == 1)
        #expect(run.stderr.contains(#"items[1]: unknown item "NOPE""#), "\(run.stderr)")
    }

    @Test func badScenarioReportsEveryProblemWithItsPathAndExits1() throws {
        let dir = try CLI.temporaryDirectory()
        let bad =
            sampleScenario
            .replacingOccurrences(of: "\"dueMonth\": 5", with: "\"dueMonth\": 130")
            .replacingOccurrences(of: "\"item\": \"TNT\", \"qty\": 10.8", with: "\"item\": \"TNTX\", \"qty\": 10.8")
        let path = try write(bad, "bad.json", in: dir)
        for command in [["validate"], ["plan"], ["export-lp"], ["what-if", "--remove-line", "L1"]] {
            let run = try CLI.run([command[0], path] + command.dropFirst())
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("demands[0].dueMonth: 130 is past the horizon (24 months)"), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("items[0].bom[1].item: unknown item \"TNTX\""), "\(command)")
            #expect(run.stdout.isEmpty, "\(command)")
        }
    }

    @Test func validateJsonListsTheIssues() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario.replacingOccurrences(of: "\"priority\": 3", with: "\"priority\": 9"), "bad.json", in: dir)
        let run = try CLI.run(["validate", path, "--json"])
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
        let issues = report?["issues"] as? [[String: String]]
        #expect(issues?.first?["path"] == "demands[1].priority")
    }

    @Test func truncatedAndNonJsonFilesFailCleanly() throws {
        let dir = try CLI.temporaryDirectory()
        let truncated = try write(String(sampleScenario.prefix(200)), "t.json", in: dir)
        let garbage = try write("this is not json", "g.json", in: dir)
        for path in [truncated, garbage] {
            let run = try CLI.run(["validate", path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("not valid JSON"))
        }
        let missing = try CLI.run(["plan", dir.appendingPathComponent("nope.json").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLI.run(["plan"]).status == 64)
        #expect(try CLI.run(["generate", "--scale", "Q"]).status == 64)
        #expect(try CLI.run(["plan", "--top", "-1", "--demo"]).status == 64)
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        #expect(try CLI.run(["what-if", path]).status == 64)
        #expect(try CLI.run(["what-if", path, "--scale", "L1=abc"]).status == 64)
    }

    @Test func whatIfComparesPerNationAndDemand() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let run = try CLI.run(["what-if", path, "--remove-supplier", "Nitro", "--from", "0", "--to", "5", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any]
        let comparison = result?["comparison"] as? [String: Any]
        #expect((comparison?["laterCount"] as? Int ?? 0) > 0)
        let text = try CLI.run(["what-if", path, "--scale", "L1=2"])
        #expect(text.status == 0)
        #expect(text.output.contains("Per nation"))
        let unknown = try CLI.run(["what-if", path, "--remove-line", "NOPE"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown line \"NOPE\""))
        let outside = try CLI.run(["what-if", path, "--remove-line", "L1", "--from", "30"])
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("from: 30 is outside the horizon"))
    }

    @Test func compareTwoPlans() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let slower = try write(
            sampleScenario.replacingOccurrences(of: "\"perMonth\": 1000", with: "\"perMonth\": 500"), "slow.json", in: dir)
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try CLI.run(["plan", path, "--json", "-o", a]).status == 0)
        #expect(try CLI.run(["plan", slower, "--json", "-o", b]).status == 0)
        let run = try CLI.run(["compare", path, a, b, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let comparison = try JSONDecoder().decode(PlanComparison.self, from: run.stdout)
        #expect(comparison.objectiveAfter.weightedLateness > comparison.objectiveBefore.weightedLateness)
        #expect(comparison.laterCount > 0)
        let notAPlan = try write("{\"version\": 1}", "np.json", in: dir)
        let bad = try CLI.run(["compare", path, a, notAPlan])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("scenario: missing"))
    }

    @Test func generateIsDeterministic() throws {
        let a = try CLI.run(["generate", "--scale", "S", "--seed", "3"])
        let b = try CLI.run(["generate", "--scale", "S", "--seed", "3"])
        let c = try CLI.run(["generate", "--scale", "S", "--seed", "4"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        let scenario = try ScenarioReader.read(a.stdout)
        #expect(scenario.demands.count == 1000)
    }

    @Test func exportLpInBothFormats() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let lp = try CLI.run(["export-lp", path])
        #expect(lp.status == 0)
        #expect(lp.output.contains("Minimize") && lp.output.contains("Subject To") && lp.output.hasSuffix("End\n"))
        let mps = try CLI.run(["export-lp", path, "--format", "mps", "--per-demand"])
        #expect(mps.status == 0)
        #expect(mps.output.contains("ENDATA"))
    }

    @Test func scenarioFromStdin() throws {
        let run = try CLI.run(["validate", "-"], stdin: Data(sampleScenario.utf8))
        #expect(run.status == 0)
        #expect(run.output.contains("cli-sample: valid"))
    }

    @Test func compareRefusesPlansThatDoNotFitTheScenario() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let good = dir.appendingPathComponent("a.json").path
        #expect(try CLI.run(["plan", path, "--json", "-o", good]).status == 0)
        let bad = try write(
            """
            {"version": 1, "scenario": "cli-sample",
             "objective": {"weightedLateness": 0, "onTimeUnits": 0, "lateUnits": 0, "unservedUnits": 0},
             "production": [{"line": "L9", "month": 3, "qty": 5}], "purchases": [],
             "deliveries": [{"demand": "D-NO-1", "item": "SHELL", "month": 99, "qty": -5}]}
            """, "bad-plan.json", in: dir)
        let run = try CLI.run(["compare", path, good, bad])
        #expect(run.status == 1)
        #expect(run.stderr.contains("production[0].line: unknown line \"L9\""))
        #expect(run.stderr.contains("deliveries[0].month: 99 is outside the horizon (0-23)"))
        #expect(run.stderr.contains("deliveries[0].qty: -5.0 is not a finite quantity >= 0"))
        #expect(try CLI.run(["compare", path, good, good, "--top", "-1"]).status == 64)
    }

    @Test func validateJsonReportsAnUnreadableFileAsJson() throws {
        let run = try CLI.run(["validate", "/nonexistent/scenario.json", "--json"])
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
    }

    @Test func exportLpToAnUnwritablePlaceFailsAndLeavesNoFile() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try write(sampleScenario, "s.json", in: dir)
        let target = dir.appendingPathComponent("missing/out.lp").path
        let run = try CLI.run(["export-lp", path, "-o", target])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let ok = dir.appendingPathComponent("out.lp").path
        #expect(try CLI.run(["export-lp", path, "-o", ok]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
