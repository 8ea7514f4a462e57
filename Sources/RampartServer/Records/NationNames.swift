/// English short names of the Allies and the other codes the data uses.
enum NationNames {
    static func name(of code: String) -> String { names[code] ?? code }

    private static let names: [String: String] = [
        "AL": "Albania", "BE": "Belgium", "BG": "Bulgaria", "CA": "Canada", "HR": "Croatia", "CZ": "Czechia",
        "DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France", "DE": "Germany", "GR": "Greece",
        "HU": "Hungary", "IS": "Iceland", "IT": "Italy", "LV": "Latvia", "LT": "Lithuania", "LU": "Luxembourg",
        "ME": "Montenegro", "NL": "Netherlands", "MK": "North Macedonia", "NO": "Norway", "PL": "Poland",
        "PT": "Portugal", "RO": "Romania", "SK": "Slovakia", "SI": "Slovenia", "ES": "Spain", "SE": "Sweden",
        "TR": "Türkiye", "GB": "United Kingdom", "US": "United States", "UA": "Ukraine", "EU": "European Union",
    ]
}
