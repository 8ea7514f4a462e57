/// Allied requirements of the demo. All ILLUSTRATIVE (invented for the demo), except that the
/// GEM-T total of 1,000 follows the NSPA framework for DE, NL, RO and ES (entry 7.7).
/// Due months: 5 = 2026-06, 11 = 2026-12, 17 = 2027-06, 23 = 2027-12, 35 = 2028-12, 47 = 2029-12,
/// 59 = 2030-12, 83 = 2032-12, 119 = 2035-12.
extension DemoScenario {
    private enum Target {
        case itemClass(String)
        case item(String)
    }

    private static let shells = Target.itemClass("155-JBMOU")
    private static let mortars = Target.itemClass("120-MORTAR")
    private static let patriot = Target.itemClass("PATRIOT")
    private static let gemT = Target.item("INTERCEPTOR-GEM-T")

    private static let requirements: [(nation: String, target: Target, qty: Double, due: Int, priority: Int)] = [
        // 155 mm, due by end-2027: about 7.4 million rounds.
        ("US", shells, 600_000, 5, 2), ("US", shells, 600_000, 11, 2), ("US", shells, 1_300_000, 23, 3),
        ("DE", shells, 400_000, 11, 2), ("DE", shells, 500_000, 23, 2),
        ("PL", shells, 250_000, 5, 1), ("PL", shells, 450_000, 17, 1),
        ("GB", shells, 300_000, 11, 2), ("GB", shells, 300_000, 23, 3),
        ("FR", shells, 250_000, 11, 2), ("FR", shells, 300_000, 23, 3),
        ("IT", shells, 250_000, 17, 3), ("NL", shells, 150_000, 11, 3), ("NO", shells, 150_000, 17, 2),
        ("FI", shells, 100_000, 5, 1), ("FI", shells, 200_000, 23, 2), ("RO", shells, 200_000, 11, 1),
        ("EE", shells, 60_000, 5, 1), ("EE", shells, 60_000, 17, 1), ("LV", shells, 50_000, 11, 1),
        ("LT", shells, 80_000, 5, 1), ("LT", shells, 80_000, 23, 1), ("CZ", shells, 120_000, 17, 3),
        ("ES", shells, 150_000, 23, 4), ("DK", shells, 100_000, 17, 2), ("SE", shells, 120_000, 23, 3),
        ("CA", shells, 150_000, 23, 3), ("BE", shells, 80_000, 23, 4),
        // 155 mm, 2028-2030: about 5.7 million rounds.
        ("US", shells, 800_000, 35, 3), ("US", shells, 700_000, 59, 4),
        ("DE", shells, 350_000, 35, 2), ("DE", shells, 350_000, 47, 3),
        ("PL", shells, 300_000, 35, 2), ("PL", shells, 300_000, 47, 2), ("GB", shells, 400_000, 47, 3),
        ("FR", shells, 250_000, 35, 3), ("FR", shells, 250_000, 59, 4), ("IT", shells, 300_000, 47, 4),
        ("NL", shells, 150_000, 35, 4), ("NO", shells, 120_000, 47, 3), ("FI", shells, 150_000, 35, 2),
        ("RO", shells, 200_000, 47, 2), ("EE", shells, 60_000, 35, 2), ("LV", shells, 50_000, 35, 2),
        ("LT", shells, 80_000, 35, 2), ("ES", shells, 200_000, 47, 4), ("GR", shells, 150_000, 35, 4),
        ("TR", shells, 200_000, 47, 5), ("PT", shells, 60_000, 59, 5), ("HU", shells, 80_000, 59, 4),
        ("SK", shells, 80_000, 47, 4), ("BG", shells, 80_000, 59, 3), ("HR", shells, 50_000, 59, 4),
        // 155 mm, stock rebuilding to 2035.
        ("US", shells, 1_200_000, 83, 4), ("US", shells, 1_200_000, 119, 5),
        ("DE", shells, 500_000, 83, 3), ("DE", shells, 500_000, 119, 4),
        ("PL", shells, 400_000, 83, 3), ("PL", shells, 400_000, 119, 4),
        ("GB", shells, 300_000, 83, 4), ("GB", shells, 300_000, 119, 5),
        ("FR", shells, 300_000, 83, 4), ("FR", shells, 300_000, 119, 5), ("IT", shells, 300_000, 119, 5),
        ("CA", shells, 150_000, 83, 4), ("NO", shells, 100_000, 119, 4), ("FI", shells, 150_000, 83, 3),
        ("RO", shells, 150_000, 83, 3), ("ES", shells, 200_000, 119, 5), ("NL", shells, 150_000, 119, 5),
        ("TR", shells, 200_000, 119, 5), ("GR", shells, 150_000, 119, 5), ("DK", shells, 80_000, 83, 4),
        ("SE", shells, 100_000, 83, 4), ("CZ", shells, 100_000, 83, 4), ("EE", shells, 50_000, 83, 3),
        ("LV", shells, 40_000, 83, 3), ("LT", shells, 60_000, 83, 3), ("BE", shells, 60_000, 119, 5),
        ("SI", shells, 20_000, 119, 5), ("LU", shells, 5_000, 119, 5), ("AL", shells, 10_000, 119, 5),
        ("ME", shells, 5_000, 119, 5), ("MK", shells, 10_000, 119, 5),
        // 120 mm mortar.
        ("FI", mortars, 40_000, 5, 1), ("PL", mortars, 100_000, 11, 1), ("EE", mortars, 20_000, 11, 1),
        ("FR", mortars, 50_000, 17, 2), ("LT", mortars, 20_000, 17, 1), ("ES", mortars, 40_000, 23, 3),
        ("DE", mortars, 100_000, 23, 2), ("NO", mortars, 30_000, 23, 2), ("CZ", mortars, 30_000, 35, 3),
        ("RO", mortars, 40_000, 35, 2), ("US", mortars, 80_000, 35, 3), ("NL", mortars, 25_000, 47, 4),
        ("PL", mortars, 80_000, 59, 3), ("FI", mortars, 60_000, 83, 3), ("DE", mortars, 80_000, 83, 4),
        ("FR", mortars, 60_000, 119, 5),
        // Patriot interceptors (class), and GEM-T by item under the NSPA framework.
        ("US", patriot, 600, 23, 1), ("US", patriot, 900, 47, 2), ("US", patriot, 1_500, 83, 3),
        ("DE", patriot, 120, 23, 1), ("DE", patriot, 200, 47, 2), ("PL", patriot, 100, 23, 1),
        ("PL", patriot, 150, 47, 1), ("NL", patriot, 80, 35, 2), ("RO", patriot, 60, 35, 1),
        ("ES", patriot, 60, 47, 3), ("SE", patriot, 50, 35, 2), ("GR", patriot, 60, 59, 4),
        ("DE", gemT, 400, 35, 1), ("NL", gemT, 200, 47, 2), ("RO", gemT, 200, 35, 1), ("ES", gemT, 200, 59, 3),
    ]

    static let demands: [Demand] = {
        var ids = ScenarioGenerator.IdCounter()
        return requirements.map { r in
            let id = ids.id(prefix: "D", country: r.nation, width: 4)
            switch r.target {
            case .itemClass(let c):
                return Demand(id: id, nation: r.nation, itemClass: c, qty: r.qty, dueMonth: r.due, priority: r.priority)
            case .item(let i):
                return Demand(id: id, nation: r.nation, item: i, qty: r.qty, dueMonth: r.due, priority: r.priority)
            }
        }
    }()
}
