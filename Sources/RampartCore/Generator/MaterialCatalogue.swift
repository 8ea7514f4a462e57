extension ScenarioGenerator {
    /// Raw materials. Shares, countries and lead times are illustrative; the concentrated ones
    /// mirror public concerns (a single EU TNT maker, cotton linters mostly from China, chips
    /// from a few countries), not measured market shares.
    static let materials: [MaterialSpec] = [
        MaterialSpec(
            id: "TNT", name: "TNT (trinitrotoluene), kg", leadTime: 2...4,
            sources: [
                MaterialSource(country: "PL", share: 1.0, start: 0...0),
                MaterialSource(country: "US", share: 0.6, start: 24...40),
            ],
            pool: [], rows: 0, earlySlack: 0.8...0.95),
        MaterialSpec(
            id: "COTTON-LINTERS", name: "Cotton linters, kg", leadTime: 3...6,
            sources: [
                MaterialSource(country: "CN", share: 0.70, start: 0...0),
                MaterialSource(country: "US", share: 0.15, start: 0...0),
                MaterialSource(country: "TR", share: 0.10, start: 0...0),
                MaterialSource(country: "GR", share: 0.05, start: 0...0),
            ],
            pool: [], rows: 0, earlySlack: 0.9...1.0),
        MaterialSpec(
            id: "MICROCHIP", name: "Microchip, piece", leadTime: 6...12,
            sources: [
                MaterialSource(country: "TW", share: 0.60, start: 0...0),
                MaterialSource(country: "KR", share: 0.20, start: 0...0),
                MaterialSource(country: "US", share: 0.15, start: 0...0),
                MaterialSource(country: "DE", share: 0.10, start: 24...48),
            ],
            pool: [], rows: 0, earlySlack: 0.9...1.05),
        MaterialSpec(
            id: "AMMONIUM-PERCHLORATE", name: "Ammonium perchlorate, kg", leadTime: 3...6,
            sources: [
                MaterialSource(country: "US", share: 0.8, start: 0...0),
                MaterialSource(country: "FR", share: 0.2, start: 0...0),
            ],
            pool: [], rows: 0, earlySlack: 0.85...1.0),
        MaterialSpec(
            id: "GERMANIUM", name: "Germanium, g", leadTime: 3...8,
            sources: [
                MaterialSource(country: "CN", share: 0.65, start: 0...0),
                MaterialSource(country: "BE", share: 0.25, start: 0...0),
                MaterialSource(country: "CA", share: 0.10, start: 0...0),
            ],
            pool: [], rows: 0, earlySlack: 0.95...1.1),
        MaterialSpec(
            id: "GALLIUM", name: "Gallium, g", leadTime: 3...8,
            sources: [
                MaterialSource(country: "CN", share: 0.9, start: 0...0),
                MaterialSource(country: "JP", share: 0.1, start: 0...0),
            ],
            pool: [], rows: 0, earlySlack: 0.95...1.1),
        MaterialSpec(
            id: "NDFEB-MAGNET", name: "NdFeB permanent magnet, kg", leadTime: 3...8,
            sources: [
                MaterialSource(country: "CN", share: 0.85, start: 0...0),
                MaterialSource(country: "JP", share: 0.15, start: 0...0),
            ],
            pool: [], rows: 0, earlySlack: 0.95...1.1),
        MaterialSpec(
            id: "TUNGSTEN", name: "Tungsten heavy alloy, kg", leadTime: 3...8,
            sources: [
                MaterialSource(country: "CN", share: 0.8, start: 0...0),
                MaterialSource(country: "PT", share: 0.1, start: 0...0),
                MaterialSource(country: "US", share: 0.1, start: 12...36),
            ],
            pool: [], rows: 0, earlySlack: 0.95...1.1),
        MaterialSpec(
            id: "RDX", name: "RDX (hexogen), kg", leadTime: 2...5,
            sources: [], pool: ["US", "NO", "DE", "FR", "GB", "CZ", "AU"], rows: 3, earlySlack: 1.0...1.2),
        MaterialSpec(
            id: "NITRIC-ACID", name: "Nitric acid (concentrated), kg", leadTime: 1...2,
            sources: [], pool: ["DE", "PL", "FR", "NL", "BE", "US", "CZ", "ES"], rows: 3, earlySlack: 1.2...1.5),
        MaterialSpec(
            id: "STEEL", name: "Forging-grade steel, kg", leadTime: 1...3,
            sources: [], pool: ["DE", "PL", "CZ", "US", "SE", "IT", "FR", "ES", "TR", "SK", "CA", "RO"], rows: 4,
            earlySlack: 1.2...1.5),
        MaterialSpec(
            id: "COPPER", name: "Copper, kg", leadTime: 1...4,
            sources: [], pool: ["CL", "PL", "US", "DE", "SE", "BG"], rows: 3, earlySlack: 1.2...1.5),
        MaterialSpec(
            id: "BRASS", name: "Brass strip, kg", leadTime: 1...3,
            sources: [], pool: ["DE", "US", "PL", "IT", "FR", "TR"], rows: 3, earlySlack: 1.2...1.5),
        MaterialSpec(
            id: "LEAD", name: "Lead, kg", leadTime: 1...3,
            sources: [], pool: ["US", "SE", "PL", "DE", "BG", "CA"], rows: 2, earlySlack: 1.2...1.5),
        MaterialSpec(
            id: "ALUMINIUM-POWDER", name: "Aluminium powder, kg", leadTime: 2...4,
            sources: [], pool: ["US", "NO", "DE", "FR", "CA"], rows: 2, earlySlack: 1.1...1.4),
        MaterialSpec(
            id: "HTPB", name: "HTPB binder, kg", leadTime: 2...5,
            sources: [], pool: ["US", "FR", "JP"], rows: 2, earlySlack: 1.0...1.3),
        MaterialSpec(
            id: "CARBON-FIBRE", name: "Carbon fibre, kg", leadTime: 2...6,
            sources: [], pool: ["JP", "US", "FR", "DE", "TR"], rows: 2, earlySlack: 1.0...1.3),
        MaterialSpec(
            id: "LI-ION-CELL", name: "Lithium-ion cell, piece", leadTime: 2...6,
            sources: [], pool: ["CN", "KR", "JP", "PL", "HU"], rows: 2, earlySlack: 1.0...1.3),
        MaterialSpec(
            id: "PRIMER-COMPOUND", name: "Primer compound, kg", leadTime: 1...3,
            sources: [], pool: ["US", "DE", "CZ", "FR"], rows: 2, earlySlack: 1.1...1.4),
    ]
}
