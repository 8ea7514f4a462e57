/// Lines and supplies of the demo. Months count from 2026-01 (month 0); figures dated before
/// the start are folded into the step at month 0. See docs/demo-sources.md for each figure.
extension DemoScenario {
    static let lines: [Line] = [
        // 155 mm projectiles.
        Line(
            id: "L-DE-0001", producer: "Rheinmetall, Unterlüß (Werk Niedersachsen)", country: "DE",
            item: "SHELL-155-HE-RHM", leadTimeMonths: 3,
            capacity: steps([(0, monthly(140_000)), (12, monthly(350_000))])),
        Line(
            id: "L-EU-0001", producer: "EU 155 mm producers other than Unterlüß (aggregate)", country: "EU",
            item: "SHELL-155-HE-EU", leadTimeMonths: 3,
            capacity: steps([(0, monthly(2_000_000 - 140_000)), (12, monthly(2_400_000))])),
        Line(
            id: "L-US-0001", producer: "US Army ammunition plants (aggregate)", country: "US",
            item: "SHELL-155-HE-US", leadTimeMonths: 3, capacity: steps([(0, 40_000), (6, 100_000)])),
        Line(
            id: "L-EU-0002", producer: "EU 120 mm mortar producers (aggregate)", country: "EU",
            item: "MORTAR-120-HE", leadTimeMonths: 2, capacity: steps([(0, 15_000), (18, 25_000)])),
        // Patriot interceptors.
        Line(
            id: "L-US-0002", producer: "Lockheed Martin, PAC-3 MSE", country: "US", item: "INTERCEPTOR-PAC3-MSE",
            leadTimeMonths: 24,
            capacity: steps([(0, monthly(620)), (12, monthly(650)), (36, monthly(1_000)), (48, monthly(2_000))])),
        Line(
            id: "L-DE-0002", producer: "COMLOG, GEM-T", country: "DE", item: "INTERCEPTOR-GEM-T", leadTimeMonths: 18,
            capacity: steps([(0, 8), (24, 20)])),
        // Components.
        Line(
            id: "L-EU-0003", producer: "EU projectile metal parts (aggregate)", country: "EU", item: "BODY-155",
            leadTimeMonths: 2, capacity: steps([(0, 190_000), (12, 250_000)])),
        Line(
            id: "L-US-0003", producer: "US projectile metal parts (aggregate)", country: "US", item: "BODY-155",
            leadTimeMonths: 2, capacity: steps([(0, 45_000), (6, 110_000)])),
        Line(
            id: "L-EU-0004", producer: "EU fuze makers (aggregate)", country: "EU", item: "FUZE-MO",
            leadTimeMonths: 3, capacity: steps([(0, 220_000), (12, 290_000)])),
        Line(
            id: "L-US-0004", producer: "US fuze makers (aggregate)", country: "US", item: "FUZE-MO",
            leadTimeMonths: 3, capacity: steps([(0, 45_000), (6, 110_000)])),
        Line(
            id: "L-CA-0001", producer: "General Dynamics OTS, Valleyfield", country: "CA", item: "CHARGE-155",
            leadTimeMonths: 2, capacity: steps([(0, 18_000), (12, 50_000), (24, 100_000)])),
        Line(
            id: "L-EU-0005", producer: "EU charge makers (aggregate)", country: "EU", item: "CHARGE-155",
            leadTimeMonths: 2, capacity: steps([(0, 180_000), (12, 240_000)])),
        Line(
            id: "L-EU-0006", producer: "EU mortar charge makers (aggregate)", country: "EU", item: "CHARGE-120M",
            leadTimeMonths: 1, capacity: steps([(0, 17_000), (18, 28_000)])),
        Line(
            id: "L-EU-0007", producer: "EU propellant makers (aggregate)", country: "EU", item: "PROPELLANT",
            leadTimeMonths: 2, capacity: steps([(0, 1_850_000)])),
        Line(
            id: "L-EU-0008", producer: "ASAP-funded new propellant capacity (EU)", country: "EU", item: "PROPELLANT",
            leadTimeMonths: 2, capacity: steps([(12, kgPerMonth(tonnesPerYear: 10_000))])),
        Line(
            id: "L-US-0005", producer: "US propellant plants (aggregate)", country: "US", item: "PROPELLANT",
            leadTimeMonths: 2, capacity: steps([(0, 500_000), (12, 1_200_000)])),
        Line(
            id: "L-EU-0009", producer: "EU nitrocellulose makers (aggregate)", country: "EU", item: "NITROCELLULOSE",
            leadTimeMonths: 1, capacity: steps([(0, 1_700_000), (12, 2_450_000)])),
        Line(
            id: "L-US-0006", producer: "US nitrocellulose makers (aggregate)", country: "US", item: "NITROCELLULOSE",
            leadTimeMonths: 1, capacity: steps([(0, 500_000), (12, 1_100_000)])),
        Line(
            id: "L-EU-0010", producer: "EU explosive filling (aggregate)", country: "EU", item: "HE-FILL",
            leadTimeMonths: 1, capacity: steps([(0, 1_900_000), (12, 2_600_000)])),
        Line(
            id: "L-US-0007", producer: "US explosive filling (aggregate)", country: "US", item: "HE-FILL",
            leadTimeMonths: 1, capacity: steps([(0, 450_000), (6, 1_100_000)])),
        Line(
            id: "L-US-0008", producer: "PAC-3 MSE rocket motors", country: "US", item: "ROCKET-MOTOR-PAC3",
            leadTimeMonths: 4, capacity: steps([(0, 60), (12, 65), (36, 95), (48, 190)])),
        Line(
            id: "L-US-0009", producer: "PAC-3 MSE guidance electronics", country: "US", item: "GUIDANCE-PAC3",
            leadTimeMonths: 4, capacity: steps([(0, 60), (12, 65), (36, 95), (48, 190)])),
        Line(
            id: "L-US-0010", producer: "GEM-T rocket motors", country: "US", item: "ROCKET-MOTOR-GEMT",
            leadTimeMonths: 4, capacity: steps([(0, 10), (24, 24)])),
        Line(
            id: "L-DE-0003", producer: "GEM-T guidance electronics", country: "DE", item: "GUIDANCE-GEMT",
            leadTimeMonths: 4, capacity: steps([(0, 10), (24, 24)])),
        Line(
            id: "L-US-0011", producer: "Composite rocket propellant (aggregate)", country: "US",
            item: "ROCKET-PROPELLANT", leadTimeMonths: 2, capacity: steps([(0, 10_000), (24, 18_000), (48, 28_000)])),
    ]

    static let supplies: [Supply] = [
        Supply(
            id: "S-PL-0001", supplier: "Nitro-Chem, Bydgoszcz", country: "PL", item: "TNT", leadTimeMonths: 2,
            capacity: steps([(0, kgPerMonth(tonnesPerYear: 10_000))])),
        Supply(
            id: "S-EU-0001", supplier: "ASAP-funded new explosives capacity (EU)", country: "EU", item: "TNT",
            leadTimeMonths: 2, capacity: steps([(12, kgPerMonth(tonnesPerYear: 4_300))])),
        Supply(
            id: "S-FI-0001", supplier: "Explosives plant, Pori (planned)", country: "FI", item: "TNT", leadTimeMonths: 2,
            capacity: steps([(24, kgPerMonth(tonnesPerYear: 5_000))])),
        Supply(
            id: "S-US-0001", supplier: "TNT plant, Kentucky (planned)", country: "US", item: "TNT", leadTimeMonths: 2,
            capacity: steps([(36, kgPerMonth(tonnesPerYear: 10_000))])),
        Supply(
            id: "S-US-0002", supplier: "RDX producers, US (aggregate)", country: "US", item: "RDX", leadTimeMonths: 2,
            capacity: steps([(0, 300_000), (6, 700_000)])),
        Supply(
            id: "S-EU-0002", supplier: "RDX producers, Europe (aggregate)", country: "EU", item: "RDX", leadTimeMonths: 2,
            capacity: steps([(0, 1_200_000), (12, 1_600_000)])),
        Supply(
            id: "S-CN-0001", supplier: "Cotton linters exporters, China", country: "CN", item: "COTTON-LINTERS",
            leadTimeMonths: 4, capacity: steps([(0, 1_400_000), (12, 1_990_000)])),
        Supply(
            id: "S-TR-0001", supplier: "Cotton linters, other exporters", country: "TR", item: "COTTON-LINTERS",
            leadTimeMonths: 2, capacity: steps([(0, 600_000), (12, 850_000)])),
        Supply(
            id: "S-US-0003", supplier: "Cotton linters, US producers", country: "US", item: "COTTON-LINTERS",
            leadTimeMonths: 1, capacity: steps([(0, 600_000), (12, 1_250_000)])),
        Supply(
            id: "S-EU-0003", supplier: "Forging steel, European mills (aggregate)", country: "EU", item: "STEEL",
            leadTimeMonths: 2, capacity: steps([(0, 10_000_000), (12, 13_000_000)])),
        Supply(
            id: "S-US-0004", supplier: "Forging steel, US mills (aggregate)", country: "US", item: "STEEL",
            leadTimeMonths: 2, capacity: steps([(0, 2_500_000), (6, 5_800_000)])),
        Supply(
            id: "S-TW-0001", supplier: "Microchip foundries, Taiwan", country: "TW", item: "MICROCHIP", leadTimeMonths: 6,
            capacity: steps([(0, 450_000), (12, 650_000)])),
        Supply(
            id: "S-KR-0001", supplier: "Microchip foundries, Korea", country: "KR", item: "MICROCHIP", leadTimeMonths: 6,
            capacity: steps([(0, 80_000), (12, 120_000)])),
        Supply(
            id: "S-US-0005", supplier: "Microchip foundries, US", country: "US", item: "MICROCHIP", leadTimeMonths: 6,
            capacity: steps([(0, 60_000), (24, 150_000)])),
        Supply(
            id: "S-US-0006", supplier: "PAC-3 MSE seeker supplier", country: "US", item: "SEEKER-PAC3", leadTimeMonths: 6,
            capacity: steps([(0, 60), (12, 65), (36, 95), (48, 190)])),
        Supply(
            id: "S-US-0007", supplier: "Ammonium perchlorate producer, US", country: "US", item: "AMMONIUM-PERCHLORATE",
            leadTimeMonths: 3, capacity: steps([(0, 8_000), (24, 13_000), (48, 20_000)])),
    ]

    static let stocks: [Stock] = [
        Stock(item: "TNT", qty: 1_500_000), Stock(item: "RDX", qty: 2_500_000),
        Stock(item: "COTTON-LINTERS", qty: 8_000_000), Stock(item: "NITROCELLULOSE", qty: 2_000_000),
        Stock(item: "PROPELLANT", qty: 4_000_000), Stock(item: "CHARGE-155", qty: 400_000),
        Stock(item: "CHARGE-120M", qty: 30_000), Stock(item: "BODY-155", qty: 450_000),
        Stock(item: "FUZE-MO", qty: 700_000), Stock(item: "HE-FILL", qty: 2_500_000),
        Stock(item: "STEEL", qty: 25_000_000), Stock(item: "MICROCHIP", qty: 3_500_000),
        Stock(item: "SEEKER-PAC3", qty: 300), Stock(item: "ROCKET-MOTOR-PAC3", qty: 120),
        Stock(item: "GUIDANCE-PAC3", qty: 120), Stock(item: "ROCKET-MOTOR-GEMT", qty: 20),
        Stock(item: "GUIDANCE-GEMT", qty: 20), Stock(item: "ROCKET-PROPELLANT", qty: 40_000),
        Stock(item: "AMMONIUM-PERCHLORATE", qty: 24_000),
    ]
}
