/// `alliance-demo`: a small scenario built on public production figures
/// (`docs/demo-sources.md` gives the source of every number and marks the illustrative ones).
public enum DemoScenario {
    public static let name = "alliance-demo"

    public static func make() -> Scenario {
        Scenario(
            name: name, startMonth: "2026-01", horizonMonths: 120, items: items, lines: lines, supplies: supplies,
            stocks: stocks, demands: demands)
    }

    /// A yearly figure as whole units per month.
    static func monthly(_ perYear: Double) -> Double {
        (perYear / 12).rounded()
    }

    /// Tonnes per year as kilograms per month.
    static func kgPerMonth(tonnesPerYear: Double) -> Double {
        monthly(tonnesPerYear * 1_000)
    }

    static func steps(_ pairs: [(from: Int, perMonth: Double)]) -> [CapacityStep] {
        pairs.map { CapacityStep(from: $0.from, perMonth: $0.perMonth) }
    }
}
