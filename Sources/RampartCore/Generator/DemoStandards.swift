/// The demo's standards registry: a few standards of the domains the demo's munitions belong to, with ratification
/// rows that differ by nation and the demo items that conform to them. Codes, titles, editions, ratifications and
/// dates are ILLUSTRATIVE (docs/demo-sources.md); that fourteen Allies reserved the right to deviate from the
/// artillery ammunition standard is reported (Reuters, July 2024), which fourteen is not, so the reservations here
/// are invented.
public enum DemoStandards {
    public static let standards: [Standard] = [
        Standard(
            code: "STANAG-4425", edition: "2", title: "Indirect fire ammunition interchangeability", domain: "indirect fire",
            status: .inForce),
        Standard(
            code: "STANAG-4123", edition: "1", title: "155 mm artillery ammunition, ballistic data exchange", domain: "indirect fire",
            status: .superseded, supersededBy: "STANAG-4425"),
        Standard(
            code: "STANAG-4385", edition: "1", title: "120 mm mortar ammunition interchangeability", domain: "indirect fire",
            status: .inForce),
        Standard(
            code: "AEP-155-COMMON", edition: "A", title: "Common 155 mm projectile design", domain: "indirect fire", status: .draft),
        Standard(code: "STANAG-4586", edition: "4", title: "Air defence interceptor interface", domain: "air defence", status: .inForce),
    ]

    static let reserving: Set<String> = ["FR", "DE", "IT", "ES", "GR", "TR", "HU"]

    public static var ratifications: [Ratification] {
        var rows: [Ratification] = []
        let allies = ["BE", "CA", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HU", "IT", "LT", "NL", "NO", "PL", "RO", "SE", "US"]
        for (index, nation) in allies.enumerated() {
            rows.append(
                Ratification(
                    standard: "STANAG-4425", nation: nation, status: reserving.contains(nation) ? .withReservations : .ratified,
                    plannedImplementation: index % 3 == 2 ? CalendarDay(2027, 12, 31) : nil,
                    implemented: index % 3 == 2 ? nil : CalendarDay(2012 + index % 9, 1 + index % 12, 1)))
        }
        for (index, nation) in ["DE", "FI", "FR", "IT", "NL", "NO", "PL", "SE", "US"].enumerated() {
            rows.append(
                Ratification(
                    standard: "STANAG-4385", nation: nation, status: nation == "FR" || nation == "NO" ? .notRatified : .ratified,
                    plannedImplementation: index % 2 == 0 ? CalendarDay(2027 + index % 3, 6, 30) : nil,
                    implemented: nation == "FR" || nation == "NO" || index % 2 == 0 ? nil : CalendarDay(2019, 3, 1)))
        }
        for nation in ["DE", "NL", "PL", "RO", "US", "ES", "SE"] {
            rows.append(
                Ratification(
                    standard: "STANAG-4586", nation: nation, status: .ratified,
                    implemented: nation == "US" || nation == "DE" ? CalendarDay(2021, 9, 1) : nil))
        }
        return rows
    }

    public static let conformances: [Conformance] = [
        Conformance(standard: "STANAG-4425", item: "SHELL-155-HE-EU"), Conformance(standard: "STANAG-4425", item: "SHELL-155-HE-RHM"),
        Conformance(standard: "STANAG-4123", item: "SHELL-155-HE-US"), Conformance(standard: "STANAG-4385", item: "MORTAR-120-HE"),
        Conformance(standard: "STANAG-4586", item: "INTERCEPTOR-PAC3-MSE"),
    ]
}
