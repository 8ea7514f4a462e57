/// Component designs used by one family only. Quantities are illustrative.
extension ScenarioGenerator.Components {
    typealias Spec = ScenarioGenerator.ComponentSpec
    static func use(_ c: Spec, _ q: Double) -> ScenarioGenerator.PartUse { ScenarioGenerator.use(c, q) }
    static func use(kg c: Spec, _ q: Double) -> ScenarioGenerator.PartUse { ScenarioGenerator.use(kg: c, q) }
    static func material(_ id: String, _ q: Double, varies: Bool = true) -> ScenarioGenerator.PartUse {
        ScenarioGenerator.material(id, q, varies: varies)
    }

    // Artillery and mortar metal parts and charges.
    static let forging155 = Spec(
        stem: "FORGING-155", name: "155 mm shell forging", fanIn: 2, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [material("STEEL", 48)])
    static let body155 = Spec(
        stem: "BODY-155", name: "155 mm projectile metal parts", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: metalParts, bom: [use(forging155, 1), material("COPPER", 0.9)])
    static let charge155 = Spec(
        stem: "CHARGE-155", name: "155 mm modular charge increment", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: energetics, bom: [use(kg: propellantSingleBase, 2.6)])
    static let forging105 = Spec(
        stem: "FORGING-105", name: "105 mm shell forging", fanIn: 2, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [material("STEEL", 16)])
    static let body105 = Spec(
        stem: "BODY-105", name: "105 mm projectile metal parts", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: metalParts, bom: [use(forging105, 1), material("COPPER", 0.4)])
    static let cartridge105 = Spec(
        stem: "CARTRIDGE-105", name: "105 mm cartridge case with charge", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: energetics, bom: [use(kg: propellantSingleBase, 2.1), material("BRASS", 4.3)])
    static let casting120 = Spec(
        stem: "CASTING-120M", name: "120 mm mortar bomb casting", fanIn: 2, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [material("STEEL", 12.5)])
    static let body120 = Spec(
        stem: "BODY-120M", name: "120 mm mortar bomb body with tail", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [use(casting120, 1), material("STEEL", 0.6)])
    static let charge120 = Spec(
        stem: "CHARGE-120M", name: "120 mm mortar propelling charge set", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: energetics, bom: [use(kg: propellantSingleBase, 0.6)])
    static let casting81 = Spec(
        stem: "CASTING-81M", name: "81 mm mortar bomb casting", fanIn: 2, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [material("STEEL", 3.1)])
    static let body81 = Spec(
        stem: "BODY-81M", name: "81 mm mortar bomb body with tail", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: metalParts, bom: [use(casting81, 1), material("STEEL", 0.2)])
    static let charge81 = Spec(
        stem: "CHARGE-81M", name: "81 mm mortar propelling charge set", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: energetics, bom: [use(kg: propellantSingleBase, 0.2)])

    // Tank and cannon ammunition.
    static let penetrator120 = Spec(
        stem: "PENETRATOR-120", name: "120 mm long-rod penetrator", fanIn: 2, sourcing: .made, leadTime: 2...4,
        countries: ["DE", "FR", "GB", "US", "IT"], bom: [material("TUNGSTEN", 4.2)])
    static let projectile120 = Spec(
        stem: "PROJECTILE-120T", name: "120 mm tank projectile", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: ["DE", "FR", "GB", "US", "IT", "PL"], bom: [use(penetrator120, 1), material("STEEL", 2)])
    static let charge120Tank = Spec(
        stem: "CHARGE-120T", name: "120 mm combustible-case propelling charge", fanIn: 3, sourcing: .made,
        leadTime: 1...3, countries: energetics,
        bom: [use(kg: propellantSingleBase, 8.2), use(kg: nitrocellulose, 1.1)])
    static let projectile30 = Spec(
        stem: "PROJECTILE-30", name: "30 mm projectile", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: metalParts, bom: [material("STEEL", 0.26), material("COPPER", 0.02)])
    static let case30 = Spec(
        stem: "CASE-30", name: "30 mm cartridge case", fanIn: 3, sourcing: .mixed, leadTime: 1...2,
        countries: metalParts, bom: [material("BRASS", 0.28)])

    // Small-arms ammunition, in sets of 1,000 to match a case of 1,000 rounds.
    static let brassCups = Spec(
        stem: "BRASS-CUPS-SAA", name: "Brass cups, set of 1,000", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: metalParts, bom: [material("BRASS", 6.4)])
    static let casesSmallArms = Spec(
        stem: "CASES-SAA", name: "Drawn cartridge cases, set of 1,000", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: metalParts, bom: [use(brassCups, 1)])
    static let bulletsSmallArms = Spec(
        stem: "BULLETS-SAA", name: "Bullets, set of 1,000", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: metalParts, bom: [material("LEAD", 3.2), material("COPPER", 1.1), material("STEEL", 0.5)])
    static let primers = Spec(
        stem: "PRIMERS", name: "Primers, set of 1,000", fanIn: 4, sourcing: .mixed, leadTime: 1...3,
        countries: ["US", "DE", "CZ", "FR", "GB", "FI"],
        bom: [material("PRIMER-COMPOUND", 0.03), material("BRASS", 0.25)])

    // Missiles, rockets and loitering munitions.
    static let seekerRadar = Spec(
        stem: "SEEKER-RF", name: "Active radar seeker", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [use(rfFrontEnd, 1), material("MICROCHIP", 60, varies: false)])
    static let motorCaseSAM = Spec(
        stem: "MOTOR-CASE-SAM", name: "Interceptor motor case", fanIn: 2, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [material("CARBON-FIBRE", 18), material("STEEL", 6)])
    static let motorSAM = Spec(
        stem: "ROCKET-MOTOR-SAM", name: "Interceptor rocket motor", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [use(kg: rocketPropellant, 118), use(motorCaseSAM, 1)])
    static let warheadSAM = Spec(
        stem: "WARHEAD-SAM", name: "Interceptor warhead", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: pbxFill, 11), material("STEEL", 12)])
    static let guidanceSAM = Spec(
        stem: "GUIDANCE-SAM", name: "Interceptor guidance section", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [use(flightComputer, 1), use(imu, 1), material("NDFEB-MAGNET", 0.6)])
    static let motorShorad = Spec(
        stem: "ROCKET-MOTOR-SHORAD", name: "Short-range missile motor", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: rocketPropellant, 5.5), material("STEEL", 2.2)])
    static let warheadShorad = Spec(
        stem: "WARHEAD-SHORAD", name: "Short-range missile warhead", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: pbxFill, 1.3), material("STEEL", 1.5)])
    static let motorAT = Spec(
        stem: "ROCKET-MOTOR-AT", name: "Anti-tank missile motor", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: rocketPropellant, 4.5), material("STEEL", 2.5)])
    static let warheadAT = Spec(
        stem: "WARHEAD-AT", name: "Tandem shaped-charge warhead", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: pbxFill, 3.2), material("COPPER", 0.9)])
    static let guidanceAT = Spec(
        stem: "GUIDANCE-AT", name: "Anti-tank missile guidance section", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(flightComputer, 1), material("COPPER", 0.3)])
    static let motor227 = Spec(
        stem: "ROCKET-MOTOR-227", name: "227 mm rocket motor", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [use(kg: rocketPropellant, 105), material("STEEL", 55)])
    static let warhead227 = Spec(
        stem: "WARHEAD-227", name: "227 mm rocket warhead", fanIn: 3, sourcing: .made, leadTime: 1...3,
        countries: missileParts, bom: [use(kg: pbxFill, 23), material("STEEL", 68)])
    static let guidance227 = Spec(
        stem: "GUIDANCE-227", name: "227 mm rocket guidance section", fanIn: 3, sourcing: .made, leadTime: 2...4,
        countries: missileParts, bom: [use(flightComputer, 1), use(imu, 1)])
    static let airframeLM = Spec(
        stem: "AIRFRAME-LM", name: "Loitering-munition airframe", fanIn: 3, sourcing: .mixed, leadTime: 1...2,
        countries: ["US", "PL", "DE", "GB", "FR", "LT", "LV", "EE", "TR", "FI"], bom: [material("CARBON-FIBRE", 1.8)])
    static let motorLM = Spec(
        stem: "E-MOTOR-LM", name: "Electric motor", fanIn: 3, sourcing: .mixed, leadTime: 1...3,
        countries: ["US", "DE", "PL", "CZ", "JP", "TW"], bom: [material("NDFEB-MAGNET", 0.25), material("COPPER", 0.4)])
    static let batteryLM = Spec(
        stem: "BATTERY-PACK-LM", name: "Battery pack", fanIn: 3, sourcing: .mixed, leadTime: 1...3,
        countries: ["US", "PL", "DE", "HU", "KR"], bom: [material("LI-ION-CELL", 12, varies: false)])
    static let guidanceLM = Spec(
        stem: "GUIDANCE-LM", name: "Flight controller with camera", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: ["US", "PL", "DE", "GB", "LT", "EE", "FI", "NO"], bom: [use(flightComputer, 1), use(cameraModule, 1)])
    static let warheadLM = Spec(
        stem: "WARHEAD-LM", name: "Loitering-munition warhead", fanIn: 3, sourcing: .made, leadTime: 1...2,
        countries: missileParts, bom: [use(kg: pbxFill, 1.4), material("STEEL", 0.8)])
}
