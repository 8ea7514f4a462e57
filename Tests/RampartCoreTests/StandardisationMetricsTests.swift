import RampartCore
import Testing

/// The standardisation metrics on cases worked by hand.
@Suite struct StandardisationMetricsTests {
    static let day = CalendarDay(2026, 12, 1)

    @Test func sharesCountTheStandardsInForceAndImplementationsByTheDay() {
        let standards = [
            Standard(code: "S-1", edition: "2", title: "a", domain: "d", status: .inForce),
            Standard(code: "S-2", edition: "1", title: "b", domain: "d", status: .inForce),
            Standard(code: "S-0", edition: "1", title: "c", domain: "d", status: .superseded, supersededBy: "S-1"),
            Standard(code: "S-9", edition: "1", title: "e", domain: "d", status: .draft),
        ]
        let ratifications = [
            Ratification(standard: "S-1", nation: "FR", status: .ratified, implemented: CalendarDay(2020, 1, 1)),
            Ratification(standard: "S-2", nation: "FR", status: .withReservations, plannedImplementation: CalendarDay(2028, 1, 1)),
            Ratification(standard: "S-0", nation: "FR", status: .ratified, implemented: CalendarDay(2000, 1, 1)),
            // Implemented after the day: not yet.
            Ratification(standard: "S-1", nation: "DE", status: .ratified, implemented: CalendarDay(2027, 3, 1)),
            Ratification(standard: "S-2", nation: "DE", status: .notRatified),
        ]
        let standings = StandardisationMetrics.standings(
            nations: ["FR", "DE", "PL"], standards: standards, ratifications: ratifications, asOf: Self.day)
        #expect(standings.map(\.relevant) == [2, 2, 2])
        #expect(standings.map(\.ratified) == [2, 1, 0])
        #expect(standings.map(\.withReservations) == [1, 0, 0])
        #expect(standings.map(\.implemented) == [1, 0, 0])
        #expect(standings[0].ratifiedShare == 1 && standings[0].implementedShare == 0.5)
        #expect(standings[1].ratifiedShare == 0.5)
    }

    @Test func itemsConformingOnlyToStandardsNoLongerInForceAreUnstandardised() {
        let standards = [
            Standard(code: "S-1", edition: "2", title: "a", domain: "d", status: .inForce),
            Standard(code: "S-0", edition: "1", title: "c", domain: "d", status: .superseded, supersededBy: "S-1"),
        ]
        let items = StandardisationMetrics.unstandardised(
            items: ["C", "A", "B"], standards: standards,
            conformances: [Conformance(standard: "S-1", item: "A"), Conformance(standard: "S-0", item: "B")])
        #expect(items == ["B", "C"])
    }

    @Test func pairsThatShareNoMunitionOfAClassAndWhatClosesThem() {
        // Class 155: SH-A qualified for PZH by DE, SH-B for CAESAR by FR and for K9 by PL. DE operates PZH, FR CAESAR,
        // PL K9 and CAESAR. No recognitions.
        let fleets = [
            Fleet(nation: "DE", system: "PZH", count: 10), Fleet(nation: "FR", system: "CAESAR", count: 70),
            Fleet(nation: "PL", system: "K9", count: 200), Fleet(nation: "PL", system: "CAESAR", count: 0),
        ]
        let qualifications = [
            Qualification(item: "SH-A", system: "PZH", nation: "DE", qualifiedOn: Self.day),
            Qualification(item: "SH-B", system: "CAESAR", nation: "FR", qualifiedOn: Self.day),
            Qualification(item: "SH-B", system: "K9", nation: "PL", qualifiedOn: Self.day),
        ]
        let matrix = InterchangeabilityMatrix.derive(fleets: fleets, qualifications: qualifications, recognitions: [])
        let (gaps, closers) = StandardisationMetrics.gaps(
            matrix: matrix, classOf: ["SH-A": "155", "SH-B": "155"], fleets: fleets, qualifications: qualifications)
        // DE uses SH-A only; FR and PL use SH-B: DE cannot share with either.
        #expect(
            gaps == [
                .init(itemClass: "155", nation: "DE", other: "FR"), .init(itemClass: "155", nation: "DE", other: "PL"),
            ])
        // Nobody else operates PZH, so SH-A cannot come to FR or PL; SH-B is qualified for no system DE operates.
        #expect(closers.isEmpty)

        // Once DE operates a CAESAR too (a fleet of 1), SH-B would close both gaps if DE qualified it.
        let more = fleets + [Fleet(nation: "DE", system: "CAESAR", count: 1)]
        let again = StandardisationMetrics.gaps(
            matrix: InterchangeabilityMatrix.derive(fleets: more, qualifications: qualifications, recognitions: []),
            classOf: ["SH-A": "155", "SH-B": "155"], fleets: more, qualifications: qualifications)
        #expect(again.gaps.count == 2)
        #expect(again.closers == [.init(item: "SH-B", itemClass: "155", gapsClosed: 2, toQualify: ["DE"])])
    }

    @Test func theRulesNameTheProblem() {
        #expect(StandardsRules.codeProblem("STANAG-4425") == nil)
        #expect(StandardsRules.codeProblem("STANAG 4425") != nil)
        #expect(StandardsRules.titleProblem(" ") != nil)
        #expect(StandardsRules.titleProblem(String(repeating: "é", count: 200)) == nil)
        #expect(StandardsRules.titleProblem("a\nb") != nil)
        #expect(StandardsRules.supersededProblem(status: .superseded, by: nil, code: "A", known: []) != nil)
        #expect(StandardsRules.supersededProblem(status: .superseded, by: "A", code: "A", known: ["A"]) != nil)
        #expect(StandardsRules.supersededProblem(status: .superseded, by: "B", code: "A", known: ["A", "B"]) == nil)
        #expect(StandardsRules.supersededProblem(status: .inForce, by: "B", code: "A", known: ["A", "B"]) != nil)
        #expect(StandardsRules.implementationProblem(.notRatified, implemented: Self.day) != nil)
        #expect(StandardsRules.implementationProblem(.withReservations, implemented: Self.day) == nil)
        if case .success = StandardsRules.day("2027-02-30") { Issue.record("30 February accepted") }
        if case .success(let none) = StandardsRules.day("") { #expect(none == nil) } else { Issue.record("empty refused") }
    }
}

/// The demo registry obeys its own rules.
@Suite struct DemoStandardsTests {
    @Test func everyDemoRowPassesTheRules() {
        let codes = Set(DemoStandards.standards.map(\.code))
        #expect(codes.count == DemoStandards.standards.count)
        for s in DemoStandards.standards {
            #expect(StandardsRules.codeProblem(s.code) == nil && StandardsRules.titleProblem(s.title) == nil, "\(s.code)")
            #expect(StandardsRules.supersededProblem(status: s.status, by: s.supersededBy, code: s.code, known: codes) == nil, "\(s.code)")
        }
        var pairs = Set<String>()
        for r in DemoStandards.ratifications {
            #expect(codes.contains(r.standard) && Alliance.nation(r.nation) != nil, "\(r)")
            #expect(StandardsRules.implementationProblem(r.status, implemented: r.implemented) == nil, "\(r)")
            #expect(pairs.insert("\(r.standard) \(r.nation)").inserted, "\(r) twice")
        }
        #expect(DemoStandards.conformances.allSatisfy { codes.contains($0.standard) })
        #expect(DemoStandards.ratifications.contains { $0.status == .withReservations })
        #expect(DemoStandards.ratifications.contains { $0.status == .notRatified })
    }

    @Test func theDemoItemsExistInTheDemoScenario() {
        let items = Set(DemoScenario.make().items.map(\.id))
        for c in DemoStandards.conformances { #expect(items.contains(c.item), "\(c.item)") }
    }
}
