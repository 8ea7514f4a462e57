import RampartCore
import Testing

/// The matrix derived from fleets, qualifications and recognitions, on cases worked by hand.
@Suite struct InterchangeabilityMatrixTests {
    static let day = CalendarDay(2020, 1, 15)

    static func q(_ item: String, _ system: String, by nation: String) -> Qualification {
        Qualification(item: item, system: system, nation: nation, qualifiedOn: day)
    }

    @Test func aMunitionQualifiedByOneNationOnlyServesThatNationAlone() {
        // FR and DE both operate the CAESAR; only FR qualified SHELL-A for it, and DE does not recognise FR.
        let matrix = InterchangeabilityMatrix.derive(
            fleets: [Fleet(nation: "FR", system: "CAESAR", count: 76), Fleet(nation: "DE", system: "CAESAR", count: 10)],
            qualifications: [Self.q("SHELL-A", "CAESAR", by: "FR")], recognitions: [])
        #expect(
            matrix.cells == [
                .init(nation: "FR", item: "SHELL-A", routes: [.init(system: "CAESAR", qualifiedBy: "FR")])
            ])
        #expect(matrix.usersByItem == ["SHELL-A": ["FR"]])
        #expect(matrix.usableItems(by: "DE").isEmpty)
    }

    @Test func aRecognitionIsOneWay() {
        // DE recognises FR's qualifications; FR does not recognise DE's.
        let matrix = InterchangeabilityMatrix.derive(
            fleets: [Fleet(nation: "FR", system: "CAESAR", count: 76), Fleet(nation: "DE", system: "CAESAR", count: 10)],
            qualifications: [Self.q("SHELL-A", "CAESAR", by: "FR"), Self.q("SHELL-B", "CAESAR", by: "DE")],
            recognitions: [Recognition(nation: "DE", recognises: "FR")])
        #expect(matrix.usableItems(by: "DE") == ["SHELL-A", "SHELL-B"])
        #expect(matrix.usableItems(by: "FR") == ["SHELL-A"])
        let deA = matrix.cells.first { $0.nation == "DE" && $0.item == "SHELL-A" }
        #expect(deA?.routes == [.init(system: "CAESAR", qualifiedBy: "FR")])
        #expect(deA?.ownQualification == false)
    }

    @Test func aNationUsesOnlyTheSystemsItOperates() {
        // PL qualified SHELL-A for the KRAB and the PZH2000, but its PZH2000 fleet is 0: one route, through the KRAB.
        let matrix = InterchangeabilityMatrix.derive(
            fleets: [Fleet(nation: "PL", system: "KRAB", count: 120), Fleet(nation: "PL", system: "PZH2000", count: 0)],
            qualifications: [Self.q("SHELL-A", "KRAB", by: "PL"), Self.q("SHELL-A", "PZH2000", by: "PL")], recognitions: [])
        #expect(matrix.cells == [.init(nation: "PL", item: "SHELL-A", routes: [.init(system: "KRAB", qualifiedBy: "PL")])])
    }

    @Test func everyRouteIsListedOnceInOrder() {
        // NL operates two systems; SHELL-A is qualified for both, by NL and by DE, whom NL recognises.
        let matrix = InterchangeabilityMatrix.derive(
            fleets: [Fleet(nation: "NL", system: "PZH2000", count: 57), Fleet(nation: "NL", system: "CAESAR", count: 9)],
            qualifications: [
                Self.q("SHELL-A", "PZH2000", by: "DE"), Self.q("SHELL-A", "PZH2000", by: "NL"), Self.q("SHELL-A", "CAESAR", by: "NL"),
                Self.q("SHELL-A", "CAESAR", by: "NL"),
            ],
            recognitions: [Recognition(nation: "NL", recognises: "DE"), Recognition(nation: "NL", recognises: "DE")])
        #expect(
            matrix.cells.map(\.routes) == [
                [
                    .init(system: "CAESAR", qualifiedBy: "NL"), .init(system: "PZH2000", qualifiedBy: "DE"),
                    .init(system: "PZH2000", qualifiedBy: "NL"),
                ]
            ])
        #expect(matrix.cells.first?.ownQualification == true)
    }

    @Test func industrySeesCountsOfThreeOrMoreOnly() {
        let view = InterchangeabilityView.userCounts(minimumUsers: InterchangeabilityView.minimumPublishedUsers)
        #expect(view.publishedCount(2) == nil)
        #expect(view.publishedCount(3) == 3)
        #expect(InterchangeabilityView.whole.publishedCount(1) == 1)
    }

    @Test func derivingIsIndependentOfTheInputsOrder() {
        let fleets = [Fleet(nation: "FR", system: "S1", count: 3), Fleet(nation: "DE", system: "S1", count: 4)]
        let quals = [Self.q("B", "S1", by: "FR"), Self.q("A", "S1", by: "DE")]
        let recs = [Recognition(nation: "FR", recognises: "DE"), Recognition(nation: "DE", recognises: "FR")]
        #expect(
            InterchangeabilityMatrix.derive(fleets: fleets, qualifications: quals, recognitions: recs)
                == InterchangeabilityMatrix.derive(
                    fleets: fleets.reversed(), qualifications: quals.reversed(), recognitions: recs.reversed()))
    }
}

@Suite struct CSVRecordsTests {
    @Test func readsQuotedFieldsAndNamesTheLineEachRecordStartsOn() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"he said \"\"no\"\"\"\n\n\"two\nlines\",z\nlast,\n"
        let records = try CSVRecords.read(text).get().records
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "he said \"no\""], ["two\nlines", "z"], ["last", ""]])
    }

    @Test func refusesWhatIsNotCSVNamingLineAndColumn() {
        #expect(throws: CSVRecords.Malformed(line: 2, column: 2, problem: "a quoted field is never closed")) {
            try CSVRecords.read("a,b\nc,\"open\nstill").get()
        }
        #expect(throws: CSVRecords.Malformed.self) { try CSVRecords.read("a,b\"c\n").get() }
        #expect(throws: CSVRecords.Malformed.self) { try CSVRecords.read("\"a\"b,c\n").get() }
    }

    @Test func aTextWithoutALastLineEndKeepsItsLastRecord() throws {
        #expect(try CSVRecords.read("a\nb").get().records.map(\.fields) == [["a"], ["b"]])
        #expect(try CSVRecords.read("").get().records.isEmpty)
    }
}

@Suite struct CalendarDayTextTests {
    @Test func readsDaysThatExistOnly() {
        #expect(CalendarDay(iso: "2024-02-29") == CalendarDay(2024, 2, 29))
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(CalendarDay(iso: "2000-02-29") != nil)
        #expect(CalendarDay(iso: "2024-04-31") == nil)
        #expect(CalendarDay(iso: "2024-4-01") == nil)
        #expect(CalendarDay(iso: "+024-04-01") == nil)
        #expect(CalendarDay(iso: "２０２４-04-01") == nil)
        #expect(InteroperabilityRules.qualificationDay("1948-12-31") == .failure(RuleProblem("must be a day from 1949 to 2100")))
    }
}

/// The demo's interoperability records are valid by the rules and name the demo scenario's munitions.
@Suite struct DemoInteroperabilityTests {
    @Test func everyRecordPassesTheRulesAndNamesWhatExists() {
        let items = Set(DemoScenario.make().items.map(\.id))
        let systems = Set(DemoInteroperability.systems.map(\.code))
        #expect(systems.count == DemoInteroperability.systems.count)
        for system in DemoInteroperability.systems {
            #expect(
                InteroperabilityRules.systemCodeProblem(system.code) == nil && InteroperabilityRules.systemNameProblem(system.name) == nil)
        }
        for fleet in DemoInteroperability.fleets {
            #expect(InteroperabilityRules.nationProblem(fleet.nation) == nil && systems.contains(fleet.system), "\(fleet)")
            #expect(InteroperabilityRules.fleetProblem(fleet.count) == nil)
        }
        for q in DemoInteroperability.qualifications {
            #expect(items.contains(q.item) && systems.contains(q.system) && InteroperabilityRules.nationProblem(q.nation) == nil, "\(q)")
        }
        for r in DemoInteroperability.recognitions {
            #expect(
                InteroperabilityRules.nationProblem(r.nation) == nil && InteroperabilityRules.nationProblem(r.recognises) == nil, "\(r)")
            #expect(InteroperabilityRules.recognitionProblem(nation: r.nation, recognises: r.recognises) == nil)
        }
        // Each table holds a pair once: the database's unique keys refuse a second (serve --demo would stop).
        #expect(Set(DemoInteroperability.fleets.map { "\($0.nation) \($0.system)" }).count == DemoInteroperability.fleets.count)
        #expect(
            Set(DemoInteroperability.qualifications.map { "\($0.item) \($0.system) \($0.nation)" }).count
                == DemoInteroperability.qualifications.count)
        #expect(
            Set(DemoInteroperability.recognitions.map { "\($0.nation) \($0.recognises)" }).count == DemoInteroperability.recognitions.count)
    }

    @Test func theDemoMatrixShowsRecognitionsAndGaps() {
        let matrix = InterchangeabilityMatrix.derive(
            fleets: DemoInteroperability.fleets, qualifications: DemoInteroperability.qualifications,
            recognitions: DemoInteroperability.recognitions)
        let users = matrix.usersByItem
        // Belgium fires the EU shell through its CAESARs on France's qualification
        let belgium = matrix.cells.first { $0.nation == "BE" && $0.item == "SHELL-155-HE-EU" }
        #expect(belgium?.routes == [InterchangeabilityMatrix.Route(system: "CAESAR", qualifiedBy: "FR")])
        // France recognises no one: its rifled mortars have no qualified bomb, so it cannot use the 120 mm bomb
        #expect(users["MORTAR-120-HE"]?.contains("FR") == false)
        // one way: the US does not recognise Germany, so Germany's qualifications give the US nothing new
        #expect(matrix.cells.filter { $0.nation == "US" }.allSatisfy { $0.routes.allSatisfy { $0.qualifiedBy == "US" } })
    }

    @Test func theOnlyNationsWithoutAMunitionOfTheirClassAreTheRifledMortarUsers() {
        let applied = UsableMunitions.apply(
            to: DemoScenario.make(), fleets: DemoInteroperability.fleets, qualifications: DemoInteroperability.qualifications,
            recognitions: DemoInteroperability.recognitions)
        #expect(
            Set(applied.unusable.map { "\($0.nation) \($0.target)" }) == [
                "FR class 120-MORTAR", "ES class 120-MORTAR", "NO class 120-MORTAR",
            ])
        #expect(!applied.narrowed.isEmpty)
    }
}
