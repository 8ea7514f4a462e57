/// Component designs shared by several families, and the family-specific ones they build on.
/// Per-unit quantities are illustrative orders of magnitude, not sourced figures.
extension ScenarioGenerator {
    enum Components {
        static let energetics = ["DE", "FR", "PL", "CZ", "US", "NO", "SE", "FI", "ES", "IT", "BG", "RO", "SK", "GB"]
        static let electronics = ["US", "DE", "FR", "GB", "IT", "NL", "SE", "NO", "CZ", "PL"]
        static let metalParts = [
            "US", "DE", "PL", "CZ", "SK", "FR", "ES", "IT", "GB", "TR", "RO", "BG", "GR", "CA", "FI", "NO", "HR", "PT",
        ]
        static let missileParts = ["US", "FR", "DE", "GB", "IT", "NO", "ES", "PL", "TR", "SE"]

        // Energetics.
        static let nitrocellulose = ComponentSpec(
            stem: "NITROCELLULOSE", name: "Nitrocellulose, kg", fanIn: 4, sourcing: .made, leadTime: 1...2,
            countries: energetics,
            bom: [material("COTTON-LINTERS", 1.1), material("NITRIC-ACID", 1.5)])
        static let propellantSingleBase = ComponentSpec(
            stem: "PROPELLANT-SB", name: "Single-base gun propellant, kg", fanIn: 3, sourcing: .made, leadTime: 1...3,
            countries: energetics, bom: [use(kg: nitrocellulose, 0.92)])
        static let propellantBall = ComponentSpec(
            stem: "PROPELLANT-BALL", name: "Ball propellant, kg", fanIn: 3, sourcing: .made, leadTime: 1...2,
            countries: ["US", "DE", "BE", "FR", "CZ", "FI", "GB"], bom: [use(kg: nitrocellulose, 0.85)])
        static let pbxFill = ComponentSpec(
            stem: "PBX-FILL", name: "PBX explosive fill, kg", fanIn: 4, sourcing: .made, leadTime: 1...3,
            countries: energetics, bom: [material("RDX", 0.86), material("HTPB", 0.12)])
        static let rocketPropellant = ComponentSpec(
            stem: "ROCKET-PROPELLANT", name: "Composite rocket propellant, kg", fanIn: 4, sourcing: .made,
            leadTime: 1...3, countries: ["US", "FR", "DE", "NO", "GB", "IT", "PL", "ES", "TR"],
            bom: [material("AMMONIUM-PERCHLORATE", 0.68), material("ALUMINIUM-POWDER", 0.18), material("HTPB", 0.12)])
        static let booster = ComponentSpec(
            stem: "FUZE-BOOSTER", name: "Fuze booster pellet", fanIn: 4, sourcing: .made, leadTime: 1...2,
            countries: energetics, bom: [material("RDX", 0.05)])

        // Electronics.
        static let safeArm = ComponentSpec(
            stem: "SAFE-ARM", name: "Fuze safety-and-arming module", fanIn: 3, sourcing: .made, leadTime: 1...3,
            countries: electronics, bom: [material("MICROCHIP", 3, varies: false), material("STEEL", 0.15)])
        static let flightComputer = ComponentSpec(
            stem: "FLIGHT-COMPUTER", name: "Flight computer board", fanIn: 3, sourcing: .mixed, leadTime: 2...4,
            countries: electronics, bom: [material("MICROCHIP", 42, varies: false)])
        static let imu = ComponentSpec(
            stem: "IMU", name: "Inertial measurement unit", fanIn: 4, sourcing: .mixed, leadTime: 2...4,
            countries: electronics, bom: [material("MICROCHIP", 14, varies: false), material("NDFEB-MAGNET", 0.05)])
        static let rfFrontEnd = ComponentSpec(
            stem: "RF-FRONT-END", name: "GaN radar front end", fanIn: 2, sourcing: .made, leadTime: 2...4,
            countries: ["US", "DE", "FR", "GB", "IT"],
            bom: [material("MICROCHIP", 160, varies: false), material("GALLIUM", 20)])
        static let irDetector = ComponentSpec(
            stem: "IR-DETECTOR", name: "Cooled infrared detector", fanIn: 3, sourcing: .mixed, leadTime: 2...4,
            countries: ["US", "FR", "DE", "GB", "IT"],
            bom: [material("GERMANIUM", 120), material("MICROCHIP", 8, varies: false)])
        static let cameraModule = ComponentSpec(
            stem: "CAMERA-MODULE", name: "Electro-optical camera module", fanIn: 4, sourcing: .bought, leadTime: 1...3,
            countries: ["US", "DE", "PL", "JP", "KR", "TW"], bom: [])

        // Fuzes.
        static let fuzeMultiOption = ComponentSpec(
            stem: "FUZE-MO", name: "Multi-option artillery fuze", fanIn: 6, sourcing: .mixed, leadTime: 2...4,
            countries: ["US", "DE", "GB", "FR", "NO", "SE", "IT", "ES"],
            bom: [use(safeArm, 1), use(booster, 1), material("STEEL", 0.35)])
        static let fuzeMortar = ComponentSpec(
            stem: "FUZE-MORTAR", name: "Mortar fuze", fanIn: 6, sourcing: .mixed, leadTime: 1...3,
            countries: ["US", "DE", "GB", "FR", "ES", "BG", "CZ", "FI"],
            bom: [use(safeArm, 1), use(booster, 1), material("STEEL", 0.2)])
        static let fuze30 = ComponentSpec(
            stem: "FUZE-30", name: "30 mm programmable fuze", fanIn: 4, sourcing: .made, leadTime: 1...3,
            countries: ["US", "DE", "NO", "GB", "FR"],
            bom: [material("MICROCHIP", 1, varies: false), material("STEEL", 0.05)])

        // Missile sections.
        static let seekerInfrared = ComponentSpec(
            stem: "SEEKER-IR", name: "Imaging infrared seeker", fanIn: 3, sourcing: .mixed, leadTime: 2...4,
            countries: missileParts, bom: [use(irDetector, 1), material("MICROCHIP", 20, varies: false)])
    }
}
