import RampartCore
import RampartTestSupport
import Testing

/// Demand signals summed and suppressed, on cases worked by hand and on random tables checked by an independent
/// attacker (`DisclosureAudit`).
@Suite struct SignalTablesTests {
    static func c(_ nation: String, _ target: String, _ year: Int, _ qty: Double, firm: Bool = false) -> SignalContribution {
        SignalContribution(nation: nation, target: target, year: year, quantity: qty, firm: firm)
    }

    static func cell(_ tables: SignalTables, _ target: String?, _ year: Int?) -> SignalTables.Cell? {
        tables.cells.first { $0.target == target && $0.year == year }
    }

    static func audit(_ tables: SignalTables) -> [String] {
        DisclosureAudit.recoverable(
            SignalFigure.figures(tables, suppressed: true).map {
                DisclosureAudit.Figure(target: $0.target, year: $0.year, total: $0.total, firm: $0.firm, foreseeable: $0.foreseeable)
            })
    }

    @Test func sumsPerTargetAndYearPerTargetPerYearAndOverall() throws {
        // Four nations, two targets, two years; FR, DE and IT each hold a firm part of SHELL in 2027.
        let tables = SignalTables.build([
            Self.c("FR", "SHELL", 2027, 100, firm: true), Self.c("DE", "SHELL", 2027, 120, firm: true),
            Self.c("IT", "SHELL", 2027, 80, firm: true), Self.c("PL", "SHELL", 2027, 100),
            Self.c("FR", "SHELL", 2028, 50), Self.c("DE", "SHELL", 2028, 50), Self.c("IT", "SHELL", 2028, 60),
            Self.c("FR", "class:MORTAR", 2027, 30), Self.c("DE", "class:MORTAR", 2027, 40), Self.c("PL", "class:MORTAR", 2027, 30),
            Self.c("FR", "class:MORTAR", 2028, 10), Self.c("IT", "class:MORTAR", 2028, 10), Self.c("PL", "class:MORTAR", 2028, 10),
            Self.c("FR", "class:MORTAR", 2028, 5),
        ])
        #expect(tables.targets == ["SHELL", "class:MORTAR"])
        #expect(tables.years == [2027, 2028])
        let shell2027 = try #require(Self.cell(tables, "SHELL", 2027))
        #expect(shell2027.total == 400 && shell2027.firm == 300 && shell2027.foreseeable == 100 && shell2027.nations == 4)
        #expect(Self.cell(tables, "SHELL", nil)?.total == 560)
        #expect(Self.cell(tables, "class:MORTAR", 2028)?.total == 35)
        #expect(Self.cell(tables, "class:MORTAR", nil)?.total == 135)
        #expect(Self.cell(tables, nil, 2027)?.total == 500)
        #expect(Self.cell(tables, nil, 2028)?.total == 195)
        #expect(Self.cell(tables, nil, nil)?.total == 695)
        #expect(Self.cell(tables, nil, nil)?.firm == 300)
        #expect(Self.cell(tables, nil, nil)?.nations == 4)
        // 4 nations, none above 80 %: every total is published.
        #expect(tables.cells.allSatisfy { $0.hidden == nil })
        // SHELL 2027's foreseeable part is PL's alone: its split is hidden, and so, to protect it, are others'.
        #expect(shell2027.splitHidden == .fewNations)
        #expect(Self.audit(tables).isEmpty)
    }

    @Test func aFigureOfFewerThanThreeNationsIsHiddenWithItsComplements() throws {
        // Row SHELL: 2027 from FR and DE only. Published alone, SHELL's total minus SHELL 2028 would give it back.
        let tables = SignalTables.build([
            Self.c("FR", "SHELL", 2027, 100), Self.c("DE", "SHELL", 2027, 50),
            Self.c("FR", "SHELL", 2028, 100), Self.c("DE", "SHELL", 2028, 100), Self.c("IT", "SHELL", 2028, 100),
            Self.c("FR", "FUZE", 2027, 200), Self.c("DE", "FUZE", 2027, 200), Self.c("IT", "FUZE", 2027, 200),
            Self.c("FR", "FUZE", 2028, 300), Self.c("DE", "FUZE", 2028, 300), Self.c("IT", "FUZE", 2028, 300),
        ])
        #expect(Self.cell(tables, "SHELL", 2027)?.hidden == .fewNations)
        // The cheapest cycle through it: the other three cells of the two-by-two grid.
        #expect(Self.cell(tables, "SHELL", 2028)?.hidden == .complementary)
        #expect(Self.cell(tables, "FUZE", 2027)?.hidden == .complementary)
        #expect(Self.cell(tables, "FUZE", 2028)?.hidden == .complementary)
        for (target, year) in [("SHELL", nil), ("FUZE", nil), (nil, 2027), (nil, 2028), (nil, nil)] as [(String?, Int?)] {
            #expect(Self.cell(tables, target, year)?.hidden == nil)
        }
        #expect(Self.audit(tables).isEmpty)
    }

    @Test func theAuditWorksOutAFigureHiddenWithoutComplements() {
        // The same tables with only the primary figure hidden: the attacker recovers SHELL 2027 (150).
        let tables = SignalTables.build([
            Self.c("FR", "SHELL", 2027, 100), Self.c("DE", "SHELL", 2027, 50),
            Self.c("FR", "SHELL", 2028, 100), Self.c("DE", "SHELL", 2028, 100), Self.c("IT", "SHELL", 2028, 100),
        ])
        let naive = tables.cells.map { cell in
            DisclosureAudit.Figure(
                target: cell.target, year: cell.year, total: cell.target == "SHELL" && cell.year == 2027 ? nil : cell.total,
                firm: cell.target == "SHELL" && cell.year == 2027 ? nil : cell.firm,
                foreseeable: cell.target == "SHELL" && cell.year == 2027 ? nil : cell.foreseeable)
        }
        #expect(DisclosureAudit.recoverable(naive).contains("SHELL/2027: total"))
    }

    @Test func aFigureWithOneNationAboveEightyPercentIsHidden() {
        let tables = SignalTables.build([
            Self.c("FR", "SHELL", 2027, 850), Self.c("DE", "SHELL", 2027, 100), Self.c("IT", "SHELL", 2027, 50),
        ])
        // A single year and target: every figure is the same sum, and all are dominated by FR.
        #expect(tables.cells.count == 4)
        #expect(tables.cells.allSatisfy { $0.hidden == .dominance })
        #expect(SignalFigure.figures(tables, suppressed: true).allSatisfy { $0.total == nil && $0.nations == nil })
        // Exactly 80 % is allowed.
        let atTheLimit = SignalTables.build([
            Self.c("FR", "SHELL", 2027, 800), Self.c("DE", "SHELL", 2027, 100), Self.c("IT", "SHELL", 2027, 100),
        ])
        #expect(atTheLimit.cells.allSatisfy { $0.hidden == nil })
    }

    @Test func readersOfTheWholeSeeEveryFigure() {
        let tables = SignalTables.build([Self.c("FR", "SHELL", 2027, 10, firm: true)])
        let whole = SignalFigure.figures(tables, suppressed: false)
        #expect(whole.allSatisfy { $0.total == 10 && $0.firm == 10 && $0.foreseeable == 0 && $0.nations == 1 && $0.hidden == nil })
        #expect(SignalFigure.figures(tables, suppressed: true).allSatisfy { $0.total == nil && $0.hidden == .fewNations })
    }

    @Test func theOrderOfTheRequirementsChangesNothing() {
        var random = SeededGenerator(state: 7)
        let contributions = Self.randomContributions(&random)
        let shuffled = contributions.shuffled(using: &random)
        #expect(SignalTables.build(contributions) == SignalTables.build(shuffled))
    }

    /// On random tables, every published figure obeys the primary rules, counted again here from the requirements,
    /// and the attacker recovers no hidden figure or part.
    @Test(arguments: 0..<150) func randomTablesRevealNoNation(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed) + 1)
        let contributions = Self.randomContributions(&random)
        let tables = SignalTables.build(contributions)
        for figure in SignalFigure.figures(tables, suppressed: true) {
            let behind = contributions.filter {
                (figure.target == nil || $0.target == figure.target) && (figure.year == nil || $0.year == figure.year)
            }
            func safe(_ part: [SignalContribution]) -> Bool {
                let byNation = Dictionary(part.map { ($0.nation, $0.quantity) }, uniquingKeysWith: +)
                let total = byNation.values.reduce(0, +)
                return total == 0 || (byNation.count >= 3 && byNation.values.allSatisfy { $0 <= 0.8 * total })
            }
            if figure.total != nil { #expect(safe(behind), "\(figure)") }
            if figure.firm != nil {
                #expect(safe(behind.filter(\.firm)), "\(figure)")
                #expect(safe(behind.filter { !$0.firm }), "\(figure)")
            }
        }
        #expect(Self.audit(tables) == [], "seed \(seed)")
    }

    static func randomContributions(_ random: inout SeededGenerator) -> [SignalContribution] {
        let nations = Array(["FR", "DE", "IT", "PL", "ES", "NL"].prefix(Int.random(in: 2...6, using: &random)))
        let targets = Array(["A", "B", "C", "D"].prefix(Int.random(in: 1...4, using: &random)))
        let years = Array((2027...2030).prefix(Int.random(in: 1...4, using: &random)))
        var out: [SignalContribution] = []
        for nation in nations {
            for target in targets {
                for year in years where Double.random(in: 0..<1, using: &random) < 0.55 {
                    out.append(
                        SignalContribution(
                            nation: nation, target: target, year: year, quantity: Double(Int.random(in: 1...400, using: &random)),
                            firm: Double.random(in: 0..<1, using: &random) < 0.4))
                }
            }
        }
        return out
    }
}
