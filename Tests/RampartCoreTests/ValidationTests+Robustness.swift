import Foundation
import Testing

@testable import RampartCore

extension ValidationTests {
    // MARK: - Not a scenario at all

    @Test(arguments: [
        ("", "not valid JSON: the file is empty"),
        ("  \n ", "not valid JSON: the file is empty"),
        ("hello", #"not valid JSON: unexpected "h" at line 1, column 1 (expected a value)"#),
        (#"{"version": 1,"#, "not valid JSON: unexpected end of data at line 1, column 15 (expected a string key)"),
        ("{\n  \"version\": 1\n  \"name\": \"x\"}", #"not valid JSON: unexpected """ at line 3, column 3 (expected "," or "}")"#),
        ("[1,]", #"not valid JSON: unexpected "]" at line 1, column 4 (expected a value)"#),
        ("{} {}", #"not valid JSON: unexpected "{" at line 1, column 4 (expected nothing after the top-level value)"#),
        ("[012]", #"not valid JSON: unexpected "1" at line 1, column 3 (expected "," or "]")"#),
        ("[-]", #"not valid JSON: unexpected "]" at line 1, column 3 (expected a digit)"#),
        ("[1.]", #"not valid JSON: unexpected "]" at line 1, column 4 (expected a digit after ".")"#),
        ("[1e]", #"not valid JSON: unexpected "]" at line 1, column 4 (expected a digit in the exponent)"#),
        ("[NaN]", #"not valid JSON: unexpected "N" at line 1, column 2 (expected a value)"#),
        ("[tru]", #"not valid JSON: unexpected "t" at line 1, column 2 (expected a value)"#),
        (#"{"a": "unterminated"#, "not valid JSON: unterminated string at line 1, column 7"),
        ("{\"a\": \"tab\there\"}", "not valid JSON: control character in a string at line 1, column 11"),
        (#"["\x"]"#, "not valid JSON: invalid escape sequence in a string at line 1, column 3"),
        (#"["\ud800"]"#, "not valid JSON: invalid escape sequence in a string at line 1, column 3"),
        (#"["\udc00"]"#, "not valid JSON: invalid escape sequence in a string at line 1, column 3"),
        (#"["\u12"]"#, "not valid JSON: invalid escape sequence in a string at line 1, column 3"),
        ("{'a': 1}", #"not valid JSON: unexpected "'" at line 1, column 2 (expected a string key)"#),
        (String(repeating: "[", count: 1000), "not valid JSON: nested more than 100 levels deep at line 1, column 101"),
    ])
    func syntax_errors(file: String, message: String) {
        #expect(readIssues(file) == [issue("", message)])
    }

    @Test func invalidUtf8IsASyntaxError() {
        let data = Data(#"{"name": "a"#.utf8 + [0xFF] + #""}"#.utf8)
        #expect(readIssues(data) == [issue("", "not valid JSON: invalid UTF-8 in a string at line 1, column 10")])
        #expect(
            readIssues(Data([0xFF, 0xFE])) == [issue("", "not valid JSON: unexpected byte 0xFF at line 1, column 1 (expected a value)")])
    }

    @Test(arguments: [
        ("[]", "expected a JSON object at the top level, found an array"),
        ("null", "expected a JSON object at the top level, found null"),
        (#""x""#, #"expected a JSON object at the top level, found "x""#),
        ("12.5", "expected a JSON object at the top level, found 12.5"),
        ("true", "expected a JSON object at the top level, found true"),
    ])
    func top_level_must_be_an_object(file: String, message: String) {
        #expect(readIssues(file) == [issue("", message)])
    }

    @Test func emptyObjectLacksEveryField() {
        let fields = ["version", "name", "startMonth", "horizonMonths", "items", "lines", "supplies", "stocks", "demands"]
        #expect(readIssues("{}") == fields.map { issue($0, "required field is missing") })
    }

    @Test func nestingUpToTheLimitParses() {
        let deep = String(repeating: "[", count: 99) + String(repeating: "]", count: 99)
        #expect(readIssues(#"{"x": "# + deep + "}").count == 9)  // only the missing fields
    }

    // MARK: - All issues at once, in order

    @Test func fiveProblemsAreAllReported() throws {
        let file = try Edit(
            [
                (#""version": 1"#, #""version": 2"#),
                (#""country": "DE", "item": "SHELL-155-HE""#, #""country": "DE", "item": "FOO""#),
                (#""qty": 50000"#, #""qty": -5"#),
                (#""id": "D-NO-0001""#, #""id": "D-PL-0001""#),
                (#""dueMonth": 6"#, #""dueMonth": 3.5"#),
            ], []
        ).apply()
        // Structural issues first, then the semantic ones in list order.
        #expect(
            readIssues(file) == [
                issue("demands[1].dueMonth", "expected a whole number, found 3.5"),
                issue("version", "2 is not supported (expected 1)"),
                issue("lines[0].item", #"unknown item "FOO""#),
                issue("stocks[0].qty", "-5 is negative"),
                issue("demands[1].id", #"duplicate id "D-PL-0001" (first at demands[0])"#),
            ])
    }

    @Test func structuralIssuesComeInDocumentOrder() {
        let file = #"""
            {"demands": [{"priority": "high", "id": 5, "nation": "PL", "item": "A", "qty": 1, "dueMonth": 0}],
             "horizonMonths": 12.5, "version": 1, "name": "x", "startMonth": "2026-01",
             "items": [{"id": "A", "name": "A", "kind": "end"}], "lines": [], "supplies": [], "stocks": []}
            """#
        #expect(
            readIssues(file) == [
                issue("demands[0].priority", #"expected a whole number, found "high""#),
                issue("demands[0].id", "expected a string, found 5"),
                issue("horizonMonths", "expected a whole number, found 12.5"),
            ])
    }

    // MARK: - Never a crash

    @Test func everyTruncationOfAValidFileIsRejected() {
        let bytes = Array(sampleFile.utf8)
        for length in 0..<bytes.count {
            let issues = readIssues(Data(bytes[..<length]))
            #expect(
                issues.count == 1 && issues[0].path == "" && issues[0].message.hasPrefix("not valid JSON: "),
                "truncated at \(length): \(issues)")
        }
    }

    @Test func randomBytesAreRejectedWithoutCrashing() {
        var random = SeededGenerator(state: 1)
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<200, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(!readIssues(Data(bytes)).isEmpty)
        }
    }

    @Test func mutatedFilesNeverCrash() {
        var random = SeededGenerator(state: 2)
        let alphabet = Array(#"0123456789-+.eE"{}[],: tfnul\x"#.utf8)
        let original = Array(sampleFile.utf8)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            if readIssues(Data(bytes)).isEmpty { accepted += 1 }
        }
        #expect(accepted < 3000)
    }

    // MARK: - Scenarios built in code

    @Test func validScenarioHasNoIssues() {
        #expect(sampleScenario.validationIssues().isEmpty)
    }

    @Test func nonFiniteQuantitiesAreReported() {
        var scenario = sampleScenario
        scenario.demands[0].qty = .nan
        scenario.items[0].bom[1].qty = .infinity
        scenario.stocks[0].qty = -.infinity
        scenario.lines[0].capacity[0].perMonth = .nan
        #expect(
            scenario.validationIssues() == [
                issue("items[0].bom[1].qty", "inf is not a finite number"),
                issue("lines[0].capacity[0].perMonth", "nan is not a finite number"),
                issue("stocks[0].qty", "-inf is not a finite number"),
                issue("demands[0].qty", "nan is not a finite number"),
            ])
    }

    @Test func everyCycleIsReportedOnce() {
        func item(_ id: String, _ components: String...) -> Item {
            Item(id: id, name: id, kind: .component, bom: components.map { BOMEntry(item: $0, qty: 1) })
        }
        var scenario = sampleScenario
        scenario.items += [item("A", "B", "B"), item("B", "C"), item("C", "A"), item("D", "E"), item("E", "D", "E")]
        #expect(
            scenario.validationIssues() == [
                issue("items[3].bom[1].item", #"duplicate component "B" (first at items[3].bom[0])"#),
                issue("items[7].bom[1].item", #""E" is in its own bill of materials"#),
                issue("items[3].bom", "cycle in bills of materials: A -> B -> C -> A"),
                issue("items[6].bom", "cycle in bills of materials: D -> E -> D"),
            ])
    }

    @Test func aLongCycleDoesNotExhaustTheStack() {
        let count = 50_000
        var scenario = sampleScenario
        scenario.items = (0..<count).map {
            Item(id: "I\($0)", name: "", kind: .component, bom: [BOMEntry(item: "I\(($0 + 1) % count)", qty: 1)])
        }
        scenario.lines = []
        scenario.supplies = []
        scenario.stocks = []
        scenario.demands = []
        let issues = scenario.validationIssues()
        #expect(issues.count == 1)
        #expect(issues.first?.path == "items[0].bom")
        #expect(issues.first?.message.hasSuffix("I49999 -> I0") == true)
    }

    @Test func unknownExtraFieldsAndEmptyCapacityPassInCodeToo() {
        var scenario = sampleScenario
        scenario.lines[0].capacity = []
        scenario.lines[0].leadTimeMonths = 1200
        #expect(scenario.validationIssues().isEmpty)
    }

    // MARK: - Size

    /// Opt-in (RAMPART_PERF=1), as it is slow in a debug build: a 200,000-demand file reads back whole.
    /// Reading speed is measured by the benchmark (`rampart plan --timings`), never here.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RAMPART_PERF"] != nil))
    func twoHundredThousandDemands() throws {
        var scenario = sampleScenario
        scenario.demands = (0..<200_000).map {
            Demand(
                id: "D-\($0)", nation: "N\($0 % 30)", item: $0 % 2 == 0 ? "SHELL-155-HE" : nil,
                itemClass: $0 % 2 == 0 ? nil : "155-JBMOU", qty: Double($0 % 5000 + 1), dueMonth: $0 % 120,
                priority: $0 % 5 + 1)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .prettyPrinted
        let data = try encoder.encode(scenario)
        #expect(try ScenarioReader.read(data) == scenario)
    }
}
