extension DemoScenario {
    static let shellBOM = [
        BOMEntry(item: "BODY-155", qty: 1), BOMEntry(item: "FUZE-MO", qty: 1), BOMEntry(item: "CHARGE-155", qty: 1),
        BOMEntry(item: "HE-FILL", qty: 10.8),
    ]

    static let items: [Item] = [
        Item(id: "SHELL-155-HE-EU", name: "155 mm HE projectile, EU producers", kind: .end, itemClass: "155-JBMOU", bom: shellBOM),
        Item(id: "SHELL-155-HE-RHM", name: "155 mm HE projectile, Rheinmetall Unterlüß", kind: .end, itemClass: "155-JBMOU", bom: shellBOM),
        Item(id: "SHELL-155-HE-US", name: "155 mm HE projectile, US plants", kind: .end, itemClass: "155-JBMOU", bom: shellBOM),
        Item(
            id: "MORTAR-120-HE", name: "120 mm HE mortar bomb", kind: .end, itemClass: "120-MORTAR",
            bom: [BOMEntry(item: "FUZE-MO", qty: 1), BOMEntry(item: "CHARGE-120M", qty: 1), BOMEntry(item: "HE-FILL", qty: 2.2)]),
        Item(
            id: "INTERCEPTOR-PAC3-MSE", name: "Patriot PAC-3 MSE interceptor", kind: .end, itemClass: "PATRIOT",
            bom: [
                BOMEntry(item: "SEEKER-PAC3", qty: 1), BOMEntry(item: "ROCKET-MOTOR-PAC3", qty: 1),
                BOMEntry(item: "GUIDANCE-PAC3", qty: 1),
            ]),
        Item(
            id: "INTERCEPTOR-GEM-T", name: "Patriot PAC-2 GEM-T interceptor", kind: .end, itemClass: "PATRIOT",
            bom: [BOMEntry(item: "ROCKET-MOTOR-GEMT", qty: 1), BOMEntry(item: "GUIDANCE-GEMT", qty: 1)]),

        Item(id: "BODY-155", name: "155 mm projectile metal parts", kind: .component, bom: [BOMEntry(item: "STEEL", qty: 48)]),
        Item(id: "FUZE-MO", name: "Multi-option fuze", kind: .component, bom: [BOMEntry(item: "MICROCHIP", qty: 2)]),
        Item(
            id: "CHARGE-155", name: "155 mm modular propelling charge, set per round", kind: .component,
            bom: [BOMEntry(item: "PROPELLANT", qty: 10)]),
        Item(
            id: "CHARGE-120M", name: "120 mm mortar propelling charge set", kind: .component,
            bom: [BOMEntry(item: "PROPELLANT", qty: 0.6)]),
        Item(
            id: "PROPELLANT", name: "Single-base gun propellant, kg", kind: .component,
            bom: [BOMEntry(item: "NITROCELLULOSE", qty: 0.9)]),
        Item(
            id: "NITROCELLULOSE", name: "Nitrocellulose, kg", kind: .component,
            bom: [BOMEntry(item: "COTTON-LINTERS", qty: 1.1)]),
        Item(
            id: "HE-FILL", name: "Composition B-type explosive fill, kg", kind: .component,
            bom: [BOMEntry(item: "TNT", qty: 0.4), BOMEntry(item: "RDX", qty: 0.6)]),
        Item(id: "SEEKER-PAC3", name: "PAC-3 MSE seeker", kind: .component),
        Item(
            id: "ROCKET-MOTOR-PAC3", name: "PAC-3 MSE rocket motor", kind: .component,
            bom: [BOMEntry(item: "ROCKET-PROPELLANT", qty: 100)]),
        Item(
            id: "GUIDANCE-PAC3", name: "PAC-3 MSE guidance electronics", kind: .component,
            bom: [BOMEntry(item: "MICROCHIP", qty: 150)]),
        Item(
            id: "ROCKET-MOTOR-GEMT", name: "GEM-T rocket motor", kind: .component,
            bom: [BOMEntry(item: "ROCKET-PROPELLANT", qty: 300)]),
        Item(
            id: "GUIDANCE-GEMT", name: "GEM-T guidance electronics", kind: .component,
            bom: [BOMEntry(item: "MICROCHIP", qty: 200)]),
        Item(
            id: "ROCKET-PROPELLANT", name: "Composite rocket propellant, kg", kind: .component,
            bom: [BOMEntry(item: "AMMONIUM-PERCHLORATE", qty: 0.7)]),

        Item(id: "TNT", name: "TNT, kg", kind: .material),
        Item(id: "RDX", name: "RDX, kg", kind: .material),
        Item(id: "COTTON-LINTERS", name: "Cotton linters, kg", kind: .material),
        Item(id: "STEEL", name: "Forging-grade steel, kg", kind: .material),
        Item(id: "MICROCHIP", name: "Microchip, piece", kind: .material),
        Item(id: "AMMONIUM-PERCHLORATE", name: "Ammonium perchlorate, kg", kind: .material),
    ]
}
