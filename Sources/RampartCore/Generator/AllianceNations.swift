extension ScenarioGenerator {
    /// The Allies, in `Alliance.allies`' order, with a rough relative weight for how many requirements each files;
    /// illustrative, loosely following the size of the armed forces.
    static let nations: [(code: String, weight: Double)] = Alliance.allies.map { ($0.code, demandWeights[$0.code] ?? 1) }

    private static let demandWeights: [String: Double] = [
        "AL": 0.5, "BE": 1.5, "BG": 1.0, "CA": 3.0, "HR": 0.8, "CZ": 1.5, "DK": 1.5, "EE": 1.0,
        "FI": 2.0, "FR": 6.0, "DE": 7.0, "GR": 2.5, "HU": 1.2, "IS": 0.2, "IT": 4.5, "LV": 0.8,
        "LT": 1.2, "LU": 0.3, "ME": 0.3, "NL": 2.5, "MK": 0.4, "NO": 2.5, "PL": 6.0, "PT": 1.2,
        "RO": 2.5, "SK": 1.0, "SI": 0.5, "ES": 3.5, "SE": 2.5, "TR": 4.5, "GB": 6.0, "US": 12.0,
    ]
}
