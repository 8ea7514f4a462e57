import Foundation
import Testing

@testable import RampartCore

@Suite struct ValidationTests {
    // MARK: - Valid files

    @Test func sampleReadsBackAsExpected() throws {
        let scenario = try ScenarioReader.read(Data(sampleFile.utf8))
        #expect(scenario == sampleScenario)
        #expect(scenario.validationIssues().isEmpty)
    }

    @Test func verbatimPlanningModelSampleLacksItsFuzeItem() throws {
        let verbatim = try Edit(#"    {"id": "FUZE-PD", "name": "Point-detonating fuze", "kind": "component"},"# + "\n", "", []).apply()
        #expect(readIssues(verbatim) == [issue("items[0].bom[0].item", #"unknown item "FUZE-PD""#)])
    }

    @Test func encodedScenarioReadsBack() throws {
        let data = try JSONEncoder().encode(sampleScenario)
        #expect(try ScenarioReader.read(data) == sampleScenario)
    }

    @Test(arguments: [
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 120.0"#, []),
        Edit(#""dueMonth": 6,"#, #""dueMonth": 6.0,"#, []),
        Edit(#""dueMonth": 6,"#, #""dueMonth": 0.6e1,"#, []),
        Edit(#""leadTimeMonths": 2"#, #""leadTimeMonths": 500"#, []),
        Edit(#""capacity": [{"from": 0, "perMonth": 400000}]"#, #""capacity": []"#, []),
        Edit(#""kind": "material"}"#, #""kind": "material", "bom": null, "class": null}"#, []),
        Edit(#""item": "SHELL-155-HE", "qty": 8000"#, #""item": "SHELL-155-HE", "class": null, "qty": 8000"#, []),
        Edit(#""version": 1,"#, #""version": 1, "comment": {"any": [1, "thing"]}, "x-extra": null,"#, []),
        Edit(#""priority": 3}"#, #""priority": 3, "note": "extra fields are ignored"}"#, []),
        Edit(#""stocks": [{"item": "SHELL-155-HE", "qty": 50000}]"#, #""stocks": []"#, []),
        Edit(#""qty": 60000"#, #""qty": 0.5"#, []),
    ])
    func valid_variants_read(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    @Test func nullBomAndClassReadAsAbsent() throws {
        let file = try Edit(#""kind": "material"}"#, #""kind": "material", "bom": null, "class": null}"#, []).apply()
        #expect(try ScenarioReader.read(Data(file.utf8)).items[2] == Item(id: "TNT", name: "TNT", kind: .material))
    }

    @Test func stringsAreUnescaped() throws {
        let file = try Edit(#""name": "alliance-demo""#, #""name": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t""#, []).apply()
        #expect(try ScenarioReader.read(Data(file.utf8)).name == "café 😀 \"q\" \\ / \n\t")
        let utf8 = try Edit(#""name": "alliance-demo""#, #""name": "Zürich ✓""#, []).apply()
        #expect(try ScenarioReader.read(Data(utf8.utf8)).name == "Zürich ✓")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try ScenarioReader.read(Data([0xEF, 0xBB, 0xBF] + Array(sampleFile.utf8))) == sampleScenario)
    }

    // MARK: - Header

    @Test(arguments: [
        Edit(#""version": 1"#, #""version": 2"#, [("version", "2 is not supported (expected 1)")]),
        Edit(#""version": 1"#, #""version": "1""#, [("version", #"expected a whole number, found "1""#)]),
        Edit(#""name": "alliance-demo""#, #""name": """#, [("name", "must not be empty")]),
        Edit(#""name": "alliance-demo""#, #""name": null"#, [("name", "expected a string, found null")]),
        Edit(#""name": "alliance-demo""#, #""name": ["a"]"#, [("name", "expected a string, found an array")]),
        Edit(
            #""startMonth": "2026-01""#, #""startMonth": "2026-13""#,
            [("startMonth", #""2026-13" is not a month of the form YYYY-MM (month 01 to 12)"#)]),
        Edit(#""startMonth": "2026-01""#, #""startMonth": 202601"#, [("startMonth", "expected a string, found 202601")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 0"#, [("horizonMonths", "0 is out of range (1 to 1200 months)")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 1201"#, [("horizonMonths", "1201 is out of range (1 to 1200 months)")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": -5"#, [("horizonMonths", "-5 is out of range (1 to 1200 months)")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 120.5"#, [("horizonMonths", "expected a whole number, found 120.5")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": true"#, [("horizonMonths", "expected a whole number, found true")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 1e400"#, [("horizonMonths", "1e400 is out of range")]),
        Edit(#""horizonMonths": 120"#, #""horizonMonths": 1e30"#, [("horizonMonths", "1e30 is out of range")]),
        Edit(#""horizonMonths": 120,"#, "", [("horizonMonths", "required field is missing")]),
        Edit(
            #""horizonMonths": 120,"#, #""horizonMonths": 120, "horizonMonths": 60,"#,
            [("", #"field "horizonMonths" appears more than once"#)]),
    ])
    func header_rules(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    @Test(arguments: ["2026-01", "1999-12", "0000-10"])
    func monthsOfTheFormYYYYMM(text: String) {
        #expect(SemanticChecker.isYearMonth(text))
    }

    @Test(arguments: ["2026-00", "2026-13", "2026-1", "26-01", "2026/01", "2026-01-01", "", "２０２６-01", "abcd-ef", "2026-0a"])
    func notMonthsOfTheFormYYYYMM(text: String) {
        #expect(!SemanticChecker.isYearMonth(text))
    }

    // MARK: - Items and bills of materials

    static let tnt = #"{"id": "TNT", "name": "TNT", "kind": "material"}"#

    @Test(arguments: [
        Edit(
            tnt, tnt + #", {"id": "TNT", "name": "TNT again", "kind": "material"}"#,
            [("items[3].id", #"duplicate id "TNT" (first at items[2])"#)]),
        Edit(tnt, tnt + #", {"id": "", "name": "nameless", "kind": "material"}"#, [("items[3].id", "must not be empty")]),
        Edit(tnt, tnt + ", 5", [("items[3]", "expected an object, found 5")]),
        Edit(
            #""kind": "material""#, #""kind": "weapon""#,
            [("items[2].kind", #"unknown kind "weapon" (expected end, component or material)"#)]),
        Edit(#", "kind": "material""#, "", [("items[2].kind", "required field is missing")]),
        Edit(#""kind": "material""#, #""kind": "material", "kind": "end""#, [("items[2]", #"field "kind" appears more than once"#)]),
        Edit(
            #""end", "class": "155-JBMOU""#, #""end", "class": """#,
            [("items[0].class", "must not be empty"), ("demands[0].class", #"unknown class "155-JBMOU""#)]),
        Edit(#""end", "class": "155-JBMOU""#, #""end", "class": 155"#, [("items[0].class", "expected a string, found 155")]),
        Edit(
            #""bom": [{"item": "FUZE-PD", "qty": 1}, {"item": "TNT", "qty": 10.8}]"#, #""bom": {}"#,
            [("items[0].bom", "expected an array, found an object")]),
        Edit(#"{"item": "FUZE-PD", "qty": 1}"#, #"{"item": "FOO", "qty": 1}"#, [("items[0].bom[0].item", #"unknown item "FOO""#)]),
        Edit(#"{"item": "FUZE-PD", "qty": 1}"#, #"{"item": "", "qty": 1}"#, [("items[0].bom[0].item", "must not be empty")]),
        Edit(
            #"{"item": "FUZE-PD", "qty": 1}"#, #"{"item": "SHELL-155-HE", "qty": 1}"#,
            [("items[0].bom[0].item", #""SHELL-155-HE" is in its own bill of materials"#)]),
        Edit(
            #"{"item": "TNT", "qty": 10.8}"#, #"{"item": "FUZE-PD", "qty": 10.8}"#,
            [("items[0].bom[1].item", #"duplicate component "FUZE-PD" (first at items[0].bom[0])"#)]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": 0}"#, [("items[0].bom[1].qty", "0 is not positive")]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": -1.5}"#, [("items[0].bom[1].qty", "-1.5 is negative")]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": 1000000}"#, []),
        Edit(
            #"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": 1000001}"#,
            [("items[0].bom[1].qty", "1000001 is too large (at most 1e6)")]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT"}"#, [("items[0].bom[1].qty", "required field is missing")]),
        Edit(
            #"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": "10.8"}"#,
            [("items[0].bom[1].qty", #"expected a number, found "10.8""#)]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"{"item": "TNT", "qty": -1e999}"#, [("items[0].bom[1].qty", "-1e999 is out of range")]),
        Edit(#"{"item": "TNT", "qty": 10.8}"#, #"["TNT", 10.8]"#, [("items[0].bom[1]", "expected an object, found an array")]),
    ])
    func item_rules(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    @Test(arguments: [
        Edit(
            #""kind": "component"}"#, #""kind": "component", "bom": [{"item": "SHELL-155-HE", "qty": 1}]}"#,
            [("items[0].bom", "cycle in bills of materials: SHELL-155-HE -> FUZE-PD -> SHELL-155-HE")]),
        // Reported at the first item of the cycle, however the search meets it.
        Edit(
            [
                (#""kind": "component"}"#, #""kind": "component", "bom": [{"item": "TNT", "qty": 1}]}"#),
                (#""kind": "material"}"#, #""kind": "material", "bom": [{"item": "FUZE-PD", "qty": 2}]}"#),
            ],
            [("items[1].bom", "cycle in bills of materials: FUZE-PD -> TNT -> FUZE-PD")]),
        Edit(
            [
                (#""kind": "component"}"#, #""kind": "component", "bom": [{"item": "TNT", "qty": 1}]}"#),
                (#""kind": "material"}"#, #""kind": "material", "bom": [{"item": "SHELL-155-HE", "qty": 2}]}"#),
            ],
            [("items[0].bom", "cycle in bills of materials: SHELL-155-HE -> FUZE-PD -> TNT -> SHELL-155-HE")]),
    ])
    func bom_cycles(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    // MARK: - Lines and supplies

    static let line = #"{"id": "L-DE-1", "producer": "P", "country": "DE", "item": "TNT", "leadTimeMonths": 0, "capacity": []}"#
    static let supply = #"{"id": "S-PL-1", "supplier": "S", "country": "PL", "item": "TNT", "leadTimeMonths": 0, "capacity": []}"#

    @Test(arguments: [
        Edit(#""lines": ["#, #""lines": ["# + line + ",", [("lines[1].id", #"duplicate id "L-DE-1" (first at lines[0])"#)]),
        Edit(#""supplies": ["#, #""supplies": ["# + supply + ",", [("supplies[1].id", #"duplicate id "S-PL-1" (first at supplies[0])"#)]),
        Edit(#""id": "L-DE-1""#, #""id": """#, [("lines[0].id", "must not be empty")]),
        Edit(#""country": "DE", "item": "SHELL-155-HE""#, #""country": "DE", "item": "FOO""#, [("lines[0].item", #"unknown item "FOO""#)]),
        Edit(#""country": "DE", "item": "SHELL-155-HE""#, #""country": "DE", "item": """#, [("lines[0].item", "must not be empty")]),
        Edit(#""country": "PL", "item": "TNT""#, #""country": "PL", "item": "FOO""#, [("supplies[0].item", #"unknown item "FOO""#)]),
        Edit(#""id": "S-PL-1""#, #""id": """#, [("supplies[0].id", "must not be empty")]),
        Edit(#""leadTimeMonths": 1"#, #""leadTimeMonths": 1200"#, []),
        Edit(#""producer": "Producer A", "#, "", [("lines[0].producer", "required field is missing")]),
        Edit(#""supplier": "Supplier B""#, #""producer": "Supplier B""#, [("supplies[0].supplier", "required field is missing")]),
        Edit(#""leadTimeMonths": 2"#, #""leadTimeMonths": -1"#, [("lines[0].leadTimeMonths", "-1 is negative")]),
        Edit(#""leadTimeMonths": 2"#, #""leadTimeMonths": 1201"#, [("lines[0].leadTimeMonths", "1201 is too long (at most 1200 months)")]),
        Edit(#""leadTimeMonths": 1"#, #""leadTimeMonths": 1.5"#, [("supplies[0].leadTimeMonths", "expected a whole number, found 1.5")]),
        Edit(
            #"{"from": 18, "perMonth": 40000}"#, #"{"from": 120, "perMonth": 40000}"#,
            [("lines[0].capacity[1].from", "120 is past the horizon (120 months)")]),
        Edit(#"{"from": 0, "perMonth": 20000}"#, #"{"from": -1, "perMonth": 20000}"#, [("lines[0].capacity[0].from", "-1 is negative")]),
        Edit(
            #"{"from": 18, "perMonth": 40000}"#, #"{"from": 0, "perMonth": 40000}"#,
            [("lines[0].capacity[1].from", "0 is not after the previous step (from 0)")]),
        Edit(
            #"{"from": 0, "perMonth": 20000}"#, #"{"from": 30, "perMonth": 20000}"#,
            [("lines[0].capacity[1].from", "18 is not after the previous step (from 30)")]),
        Edit(
            #"{"from": 0, "perMonth": 400000}"#, #"{"from": 0, "perMonth": -1}"#, [("supplies[0].capacity[0].perMonth", "-1 is negative")]),
        Edit(#"{"from": 0, "perMonth": 400000}"#, #"{"from": 0, "perMonth": 0}"#, []),
        Edit(#"{"from": 0, "perMonth": 400000}"#, #"{"from": 0, "perMonth": 1e12}"#, []),
        Edit(
            #"{"from": 0, "perMonth": 400000}"#, #"{"from": 0, "perMonth": 1.5e12}"#,
            [("supplies[0].capacity[0].perMonth", "1500000000000 is too large (at most 1e12)")]),
        Edit(
            #"{"from": 0, "perMonth": 400000}"#, #"{"from": 0.5, "perMonth": null}"#,
            [
                ("supplies[0].capacity[0].from", "expected a whole number, found 0.5"),
                ("supplies[0].capacity[0].perMonth", "expected a number, found null"),
            ]),
        Edit(
            #""capacity": [{"from": 0, "perMonth": 400000}]"#, #""capacity": 400000"#,
            [("supplies[0].capacity", "expected an array, found 400000")]),
    ])
    func line_and_supply_rules(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    // MARK: - Stocks and demands

    @Test(arguments: [
        Edit(#""stocks": [{"item": "SHELL-155-HE""#, #""stocks": [{"item": "FOO""#, [("stocks[0].item", #"unknown item "FOO""#)]),
        Edit(
            #"{"item": "SHELL-155-HE", "qty": 50000}"#, #"{"item": "SHELL-155-HE", "qty": 50000}, {"item": "SHELL-155-HE", "qty": 1}"#,
            [("stocks[1].item", #"duplicate stock for "SHELL-155-HE" (first at stocks[0])"#)]),
        Edit(#""stocks": [{"item": "SHELL-155-HE""#, #""stocks": [{"item": """#, [("stocks[0].item", "must not be empty")]),
        Edit(#""qty": 50000"#, #""qty": -5"#, [("stocks[0].qty", "-5 is negative")]),
        Edit(#""qty": 50000"#, #""qty": 0"#, []),
        Edit(#""qty": 50000"#, #""qty": 1e13"#, [("stocks[0].qty", "10000000000000 is too large (at most 1e12)")]),
        Edit(#""stocks": [{"item": "SHELL-155-HE", "qty": 50000}],"#, "", [("stocks", "required field is missing")]),
        Edit(#""stocks": [{"item": "SHELL-155-HE", "qty": 50000}]"#, #""stocks": null"#, [("stocks", "expected an array, found null")]),
    ])
    func stock_rules(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    @Test(arguments: [
        Edit(#""id": "D-NO-0001""#, #""id": "D-PL-0001""#, [("demands[1].id", #"duplicate id "D-PL-0001" (first at demands[0])"#)]),
        Edit(#""id": "D-NO-0001""#, #""id": """#, [("demands[1].id", "must not be empty")]),
        Edit(#""nation": "NO""#, #""nation": """#, [("demands[1].nation", "must not be empty")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""class": "155-JBMOU", "item": "TNT", "qty""#,
            [("demands[0]", "names item and class; a demand names exactly one of item, class and items")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""qty""#, [("demands[0]", "names none of item, class and items; a demand names exactly one")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""class": null, "qty""#,
            [("demands[0]", "names none of item, class and items; a demand names exactly one")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""class": "155-JBMOU", "items": ["SHELL-155-HE"], "qty""#,
            [("demands[0]", "names class and items; a demand names exactly one of item, class and items")]),
        Edit(
            #""item": "SHELL-155-HE", "qty": 8000"#, #""item": "SHELL-155-HE", "items": ["SHELL-155-HE"], "qty": 8000"#,
            [("demands[1]", "names item and items; a demand names exactly one of item, class and items")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": [], "qty""#,
            [("demands[0].items", "must not be empty; list at least one item")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": ["SHELL-155-HE", "FOO"], "qty""#,
            [("demands[0].items[1]", #"unknown item "FOO""#)]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": ["SHELL-155-HE", "TNT", "SHELL-155-HE"], "qty""#,
            [("demands[0].items[2]", #"duplicate item "SHELL-155-HE" (first at demands[0].items[0])"#)]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": ["SHELL-155-HE", 7, ""], "qty""#,
            [("demands[0].items[1]", "expected a string, found 7"), ("demands[0].items[2]", "must not be empty")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": "SHELL-155-HE", "qty""#,
            [("demands[0].items", #"expected an array, found "SHELL-155-HE""#)]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""items": null, "qty""#,
            [("demands[0]", "names none of item, class and items; a demand names exactly one")]),
        Edit(#""item": "SHELL-155-HE", "qty": 8000"#, #""item": "FOO", "qty": 8000"#, [("demands[1].item", #"unknown item "FOO""#)]),
        Edit(#""item": "SHELL-155-HE", "qty": 8000"#, #""item": "", "qty": 8000"#, [("demands[1].item", "must not be empty")]),
        Edit(
            #""class": "155-JBMOU", "qty""#, #""class": "155-JBMOU", "item": 5, "qty""#, [("demands[0].item", "expected a string, found 5")]
        ),
        Edit(#""class": "155-JBMOU", "qty""#, #""class": "FOO", "qty""#, [("demands[0].class", #"unknown class "FOO""#)]),
        Edit(#""class": "155-JBMOU", "qty""#, #""class": "", "qty""#, [("demands[0].class", "must not be empty")]),
        Edit(#""class": "155-JBMOU", "qty""#, #""class": 7, "qty""#, [("demands[0].class", "expected a string, found 7")]),
        Edit(#""qty": 8000"#, #""qty": 0"#, [("demands[1].qty", "0 is not positive")]),
        Edit(#""qty": 8000"#, #""qty": -3"#, [("demands[1].qty", "-3 is negative")]),
        Edit(#""qty": 8000"#, #""qty": false"#, [("demands[1].qty", "expected a number, found false")]),
        Edit(#""qty": 8000"#, #""qty": 1e400"#, [("demands[1].qty", "1e400 is out of range")]),
        Edit(#""qty": 8000"#, #""qty": 1e308"#, [("demands[1].qty", "1e+308 is too large (at most 1e12)")]),
        Edit(#""qty": 8000"#, #""qty": 1000000000000"#, []),
        Edit(#""dueMonth": 12"#, #""dueMonth": 130"#, [("demands[0].dueMonth", "130 is past the horizon (120 months)")]),
        Edit(#""dueMonth": 12"#, #""dueMonth": 120"#, [("demands[0].dueMonth", "120 is past the horizon (120 months)")]),
        Edit(#""dueMonth": 12"#, #""dueMonth": 119"#, []),
        Edit(#""dueMonth": 12"#, #""dueMonth": -1"#, [("demands[0].dueMonth", "-1 is negative")]),
        Edit(#""dueMonth": 12"#, #""dueMonth": 3.5"#, [("demands[0].dueMonth", "expected a whole number, found 3.5")]),
        Edit(#""dueMonth": 12"#, #""dueMonth": {}"#, [("demands[0].dueMonth", "expected a whole number, found an object")]),
        Edit(#""priority": 1"#, #""priority": 0"#, [("demands[0].priority", "0 is out of range (1 to 5)")]),
        Edit(#""priority": 3"#, #""priority": 6"#, [("demands[1].priority", "6 is out of range (1 to 5)")]),
        Edit(#""priority": 3"#, #""priority": 2.5"#, [("demands[1].priority", "expected a whole number, found 2.5")]),
        Edit(#", "priority": 3"#, "", [("demands[1].priority", "required field is missing")]),
        Edit(#""demands": ["#, #""demands": [null, "#, [("demands[0]", "expected an object, found null")]),
    ])
    func demand_rules(edit: Edit) throws {
        #expect(readIssues(try edit.apply()) == edit.expected)
    }

    @Test func longStringsAreCutInMessages() throws {
        let long = String(repeating: "x", count: 50)
        let file = try Edit(#""demands": ["#, #""demands": [""# + long + #"", "#, []).apply()
        #expect(readIssues(file) == [issue("demands[0]", "expected an object, found \"" + String(repeating: "x", count: 40) + "…\"")])
    }

    @Test func horizonChecksAreSkippedWhenTheHorizonIsInvalid() throws {
        let file = try Edit([(#""horizonMonths": 120"#, #""horizonMonths": 0"#), (#""dueMonth": 12"#, #""dueMonth": -2"#)], []).apply()
        #expect(
            readIssues(file) == [
                issue("horizonMonths", "0 is out of range (1 to 1200 months)"),
                issue("demands[0].dueMonth", "-2 is negative"),
            ])
    }

    @Test func unreadableItemIdsDoNotMakeReferencesUnknown() throws {
        let file = try Edit(#"{"id": "TNT", "name": "TNT""#, #"{"id": 7, "name": "TNT""#, []).apply()
        #expect(readIssues(file) == [issue("items[2].id", "expected a string, found 7")])
    }
}
