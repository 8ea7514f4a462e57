/// Product families. The first seven appear at every scale; the others join from scale M.
/// Shares, quantities and BOM figures are illustrative.
extension ScenarioGenerator {
    static let families: [FamilySpec] = {
        typealias C = Components
        func types(_ pairs: [(String, String)]) -> [ClassType] { pairs.map { ClassType(code: $0.0, name: $0.1) } }
        let artilleryTypes = types([("HE", "high-explosive"), ("SMOKE", "smoke"), ("ILLUM", "illumination")])
        return [
            FamilySpec(
                classKey: "155", stem: "SHELL-155", name: "155 mm artillery projectile",
                types: types([
                    ("HE", "high-explosive"), ("HE-ER", "extended-range high-explosive"), ("SMOKE", "smoke"),
                    ("ILLUM", "illumination"),
                ]),
                inEveryScale: true, classShare: 0.18, demandShare: 0.24, demandQty: 1_000...40_000, qtyUnit: 100,
                leadTime: 2...6,
                countries: ["US", "DE", "FR", "GB", "PL", "ES", "IT", "CZ", "SK", "NO", "FI", "RO", "BG", "TR", "GR"],
                bom: [use(C.body155, 1), use(C.fuzeMultiOption, 1), use(C.charge155, 4), material("TNT", 10.8)]),
            FamilySpec(
                classKey: "120-MORTAR", stem: "MORTAR-120", name: "120 mm mortar bomb", types: artilleryTypes,
                inEveryScale: true, classShare: 0.09, demandShare: 0.10, demandQty: 500...12_000, qtyUnit: 100,
                leadTime: 1...4,
                countries: ["US", "FR", "DE", "ES", "FI", "PL", "CZ", "SK", "BG", "RO", "TR", "NO", "HR"],
                bom: [use(C.body120, 1), use(C.fuzeMortar, 1), use(C.charge120, 1), material("TNT", 2.2)]),
            FamilySpec(
                classKey: "105", stem: "SHELL-105", name: "105 mm artillery projectile", types: artilleryTypes,
                inEveryScale: true, classShare: 0.07, demandShare: 0.07, demandQty: 500...15_000, qtyUnit: 100,
                leadTime: 2...5, countries: ["US", "GB", "BE", "FR", "DE", "ES", "IT", "NO", "TR", "CA", "GR"],
                bom: [use(C.body105, 1), use(C.fuzeMultiOption, 1), use(C.cartridge105, 1), material("TNT", 2.3)]),
            FamilySpec(
                classKey: "SAM", stem: "INTERCEPTOR", name: "air-defence interceptor",
                types: types([("LR", "long-range"), ("MR", "medium-range"), ("SR", "short-range")]),
                inEveryScale: true, classShare: 0.10, demandShare: 0.07, demandQty: 4...120, qtyUnit: 1,
                leadTime: 3...6, countries: ["US", "DE", "FR", "IT", "GB", "NO", "ES", "NL", "PL", "TR"],
                bom: [use(C.seekerRadar, 1), use(C.motorSAM, 1), use(C.warheadSAM, 1), use(C.guidanceSAM, 1)]),
            FamilySpec(
                classKey: "ATGM", stem: "MISSILE-AT", name: "anti-tank guided missile",
                types: types([("MR", "medium-range"), ("LR", "long-range"), ("TOP", "top-attack")]),
                inEveryScale: true, classShare: 0.10, demandShare: 0.09, demandQty: 20...600, qtyUnit: 10,
                leadTime: 2...6, countries: ["US", "FR", "DE", "GB", "IT", "NO", "PL", "ES", "SE", "TR"],
                bom: [use(C.seekerInfrared, 1), use(C.motorAT, 1), use(C.warheadAT, 1), use(C.guidanceAT, 1)]),
            FamilySpec(
                classKey: "LM", stem: "LOITER", name: "loitering munition",
                types: types([("LIGHT", "light"), ("MEDIUM", "medium"), ("FPV", "first-person-view strike")]),
                inEveryScale: true, classShare: 0.10, demandShare: 0.10, demandQty: 50...3_000, qtyUnit: 10,
                leadTime: 1...3,
                countries: ["US", "PL", "DE", "GB", "FR", "LT", "LV", "EE", "NO", "TR", "FI", "DK", "NL", "CZ"],
                bom: [
                    use(C.airframeLM, 1), use(C.motorLM, 1), use(C.batteryLM, 1), use(C.guidanceLM, 1),
                    use(C.warheadLM, 1),
                ]),
            FamilySpec(
                classKey: "SAA", stem: "CART", name: "small-arms ammunition, case of 1,000 rounds",
                types: types([("556", "5.56 mm"), ("762", "7.62 mm"), ("127", "12.7 mm")]),
                inEveryScale: true, classShare: 0.08, demandShare: 0.10, demandQty: 100...20_000, qtyUnit: 10,
                leadTime: 1...3,
                countries: [
                    "US", "BE", "DE", "GB", "FR", "IT", "ES", "NO", "SE", "FI", "PL", "CZ", "SK", "HU", "RO", "BG", "TR",
                    "GR", "PT", "CA",
                ],
                bom: [
                    use(C.casesSmallArms, 1), use(C.bulletsSmallArms, 1), use(C.primers, 1),
                    use(kg: C.propellantBall, 1.7),
                ]),
            FamilySpec(
                classKey: "81-MORTAR", stem: "MORTAR-81", name: "81 mm mortar bomb", types: artilleryTypes,
                inEveryScale: false, classShare: 0.06, demandShare: 0.06, demandQty: 500...15_000, qtyUnit: 100,
                leadTime: 1...3, countries: ["US", "GB", "FR", "ES", "PL", "CZ", "BG", "RO", "TR", "PT", "HR", "SI"],
                bom: [use(C.body81, 1), use(C.fuzeMortar, 1), use(C.charge81, 1), material("TNT", 0.68)]),
            FamilySpec(
                classKey: "SHORAD", stem: "MISSILE-SHORAD", name: "short-range air-defence missile",
                types: types([("MANPADS", "man-portable"), ("VSHORAD", "vehicle-launched very-short-range")]),
                inEveryScale: false, classShare: 0.06, demandShare: 0.05, demandQty: 10...300, qtyUnit: 1,
                leadTime: 2...5, countries: ["US", "FR", "GB", "SE", "PL", "NO", "DE", "TR"],
                bom: [
                    use(C.seekerInfrared, 1), use(C.motorShorad, 1), use(C.warheadShorad, 1),
                    use(C.flightComputer, 1),
                ]),
            FamilySpec(
                classKey: "120-TANK", stem: "ROUND-120", name: "120 mm tank round",
                types: types([("KE", "kinetic-energy"), ("MP", "multi-purpose")]),
                inEveryScale: false, classShare: 0.05, demandShare: 0.04, demandQty: 200...5_000, qtyUnit: 50,
                leadTime: 2...5, countries: ["DE", "FR", "GB", "US", "IT", "PL", "ES"],
                bom: [use(C.projectile120, 1), use(C.charge120Tank, 1)]),
            FamilySpec(
                classKey: "30-CANNON", stem: "CART-30", name: "30 mm cannon cartridge",
                types: types([("HEI", "high-explosive incendiary"), ("APFSDS", "armour-piercing"), ("ABM", "airburst")]),
                inEveryScale: false, classShare: 0.06, demandShare: 0.04, demandQty: 2_000...60_000, qtyUnit: 100,
                leadTime: 1...3, countries: ["US", "DE", "NO", "GB", "FR", "IT", "CZ", "PL", "TR"],
                bom: [
                    use(C.projectile30, 1), use(C.case30, 1), use(C.fuze30, 1), use(kg: C.propellantSingleBase, 0.1),
                    material("RDX", 0.03),
                ]),
            FamilySpec(
                classKey: "227-ROCKET", stem: "ROCKET-227", name: "227 mm guided artillery rocket",
                types: types([("UNITARY", "unitary"), ("AW", "alternative-warhead"), ("ER", "extended-range")]),
                inEveryScale: false, classShare: 0.05, demandShare: 0.04, demandQty: 12...400, qtyUnit: 6,
                leadTime: 3...6, countries: ["US", "DE", "GB", "FR", "IT", "NO", "PL"],
                bom: [use(C.motor227, 1), use(C.warhead227, 1), use(C.guidance227, 1)]),
        ]
    }()
}
