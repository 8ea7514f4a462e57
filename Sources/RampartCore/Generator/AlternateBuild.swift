/// The lists of an `AlternateGenerator` scenario, built step by step from one random sequence.
struct AlternateBuild {
    typealias SeededRandom = ScenarioGenerator.SeededRandom

    struct Family {
        var cls: String
        var group: Int
        var rate: Double
        var body: String
        var variants: [String]
        /// Units of the group's fill per unit of each variant.
        var fillPerUnit: [Double]
        /// Units of the group's propellant per unit of each variant.
        var propPerUnit: [Double]
        var copperPerUnit: [Double]
        var steelPerBody: Double
        /// Typical units of one demand.
        var demandUnits: Double
    }

    let shape: AlternateGenerator.Shape
    var items: [Item] = []
    var lines: [Line] = []
    var supplies: [Supply] = []
    var stocks: [Stock] = []
    var demands: [Demand] = []
    var families: [Family] = []
    /// Per end item id: units demanded by the demands naming it, and by class demands of its class split evenly.
    var wantedByItem: [String: Double] = [:]
    var earlyByItem: [String: Double] = [:]
    var lineCounter = ScenarioGenerator.IdCounter()
    var supplyCounter = ScenarioGenerator.IdCounter()

    init(shape: AlternateGenerator.Shape) {
        self.shape = shape
    }

    var nationCodes: [String] { Array(ScenarioGenerator.nations.prefix(max(1, shape.nations)).map(\.code)) }

    static func fill(_ g: Int) -> String { "FILL-\(ScenarioGenerator.padded(g + 1, 3))" }
    static func prop(_ g: Int) -> String { "PROP-\(ScenarioGenerator.padded(g + 1, 3))" }
    static func rawExplosive(_ g: Int) -> String { "RAW-EXP-\(ScenarioGenerator.padded(g + 1, 3))" }
    static func rawNC(_ g: Int) -> String { "RAW-NC-\(ScenarioGenerator.padded(g + 1, 3))" }
    static func chemical(_ g: Int) -> String { "CHEM-\(ScenarioGenerator.padded(g + 1, 3))" }
    static let steel = "STEEL"
    static let copper = "COPPER"

    // MARK: - Items

    mutating func catalogue(rng: inout SeededRandom) {
        items.append(Item(id: Self.steel, name: "steel billet", kind: .material))
        items.append(Item(id: Self.copper, name: "copper strip", kind: .material))
        for g in 0..<shape.materialGroups {
            items.append(Item(id: Self.rawExplosive(g), name: "explosive precursor \(g + 1)", kind: .material))
            items.append(Item(id: Self.rawNC(g), name: "nitrocellulose \(g + 1)", kind: .material))
            items.append(Item(id: Self.chemical(g), name: "process chemical \(g + 1)", kind: .material))
            // Materials made on lines from other materials.
            items.append(
                Item(
                    id: Self.fill(g), name: "explosive fill \(g + 1)", kind: .material,
                    bom: [
                        BOMEntry(item: Self.rawExplosive(g), qty: ScenarioGenerator.centi(rng.double(in: 1.0...1.2))),
                        BOMEntry(item: Self.chemical(g), qty: ScenarioGenerator.centi(rng.double(in: 0.05...0.2))),
                    ]))
            items.append(
                Item(
                    id: Self.prop(g), name: "propellant \(g + 1)", kind: .material,
                    bom: [
                        BOMEntry(item: Self.rawNC(g), qty: ScenarioGenerator.centi(rng.double(in: 1.0...1.3))),
                        BOMEntry(item: Self.chemical(g), qty: ScenarioGenerator.centi(rng.double(in: 0.1...0.3))),
                    ]))
            for f in 0..<shape.familiesPerGroup {
                let rate = shape.rates[(g + f) % shape.rates.count]
                let tag = "\(ScenarioGenerator.padded(g + 1, 3))-\(f + 1)"
                let cls = "CLS-\(tag)"
                let body = "BODY-\(tag)"
                let steelPerBody = ScenarioGenerator.centi(max(0.2, rate * rng.double(in: 0.3...0.8)))
                items.append(
                    Item(id: body, name: "body \(tag)", kind: .component, bom: [BOMEntry(item: Self.steel, qty: steelPerBody)]))
                let count = rng.int(in: shape.variants)
                var family = Family(
                    cls: cls, group: g, rate: rate, body: body, variants: [], fillPerUnit: [], propPerUnit: [],
                    copperPerUnit: [], steelPerBody: steelPerBody,
                    demandUnits: (20_000 / rate.squareRoot()).rounded())
                for v in 0..<count {
                    let id = "E-\(tag)-\(Character(UnicodeScalar(UInt8(65 + v))))"
                    // Different bills per variant: fill only, propellant-heavy, or more fill with copper.
                    var fill = 0.0, prop = 0.0, copper = 0.0
                    switch v % 3 {
                    case 0: fill = rate
                    case 1:
                        fill = rate * 0.5
                        prop = rate * rng.double(in: 0.6...1.0)
                    default:
                        fill = rate * rng.double(in: 1.1...1.4)
                        copper = max(0.05, rate * 0.1)
                    }
                    fill = ScenarioGenerator.centi(fill)
                    prop = prop > 0 ? ScenarioGenerator.centi(prop) : 0
                    copper = copper > 0 ? ScenarioGenerator.centi(copper) : 0
                    var bom = [BOMEntry(item: body, qty: 1), BOMEntry(item: Self.fill(g), qty: fill)]
                    if prop > 0 { bom.append(BOMEntry(item: Self.prop(g), qty: prop)) }
                    if copper > 0 { bom.append(BOMEntry(item: Self.copper, qty: copper)) }
                    items.append(Item(id: id, name: "round \(tag) variant \(v + 1)", kind: .end, itemClass: cls, bom: bom))
                    family.variants.append(id)
                    family.fillPerUnit.append(fill)
                    family.propPerUnit.append(prop)
                    family.copperPerUnit.append(copper)
                }
                families.append(family)
            }
        }
    }

    // MARK: - Demands

    mutating func demandBook(rng: inout SeededRandom) {
        let h = shape.horizon
        let codes = nationCodes
        let prioritySums = ScenarioGenerator.runningSums([1.5, 2.0, 3.0, 2.5, 2.0])
        var ids = ScenarioGenerator.IdCounter()
        demands.reserveCapacity(shape.demands)
        for n in 0..<shape.demands {
            let nation = n < codes.count ? codes[n] : rng.pick(codes)
            let family = families[rng.int(in: 0...(families.count - 1))]
            var priority = rng.index(cumulative: prioritySums) + 1
            var due: Int
            if rng.chance(0.2) {
                // Early demand of low priority.
                priority = rng.int(in: 4...5)
                due = rng.int(in: 0...max(0, h / 6))
            } else if rng.chance(0.7) {
                due = rng.int(in: 0...(h - 1))
            } else {
                due = Int(rng.unit() * rng.unit() * Double(h))
            }
            due = min(max(due, 0), h - 1)
            let qty = max(10, (family.demandUnits * rng.double(in: 0.05...1) * rng.double(in: 0.2...1) / 10).rounded() * 10)
            let namesItem = rng.chance(0.4)
            let item = namesItem ? rng.pick(family.variants) : nil
            var listed: [String]?
            if !namesItem && shape.listedShare > 0 && family.variants.count > 1 && rng.chance(shape.listedShare) {
                // Some of the class's variants, in the class's order.
                var keep = family.variants.map { _ in rng.chance(0.5) }
                if !keep.contains(true) { keep[rng.int(in: 0...(keep.count - 1))] = true }
                if !keep.contains(false) { keep[rng.int(in: 0...(keep.count - 1))] = false }
                listed = zip(family.variants, keep).filter(\.1).map(\.0)
            }
            demands.append(
                Demand(
                    id: ids.id(prefix: "D", country: nation, width: 6), nation: nation, item: item,
                    itemClass: namesItem || listed != nil ? nil : family.cls, items: listed, qty: qty, dueMonth: due,
                    priority: priority))
            let share = namesItem ? [item!] : listed ?? family.variants
            for id in share {
                wantedByItem[id, default: 0] += qty / Double(share.count)
                if due < 12 { earlyByItem[id, default: 0] += qty / Double(share.count) }
            }
        }
    }

    // MARK: - Lines and supplies

    /// A ramp from `start` × `perMonth` at month 0 up to `perMonth` at a month drawn in `rampEnd`, in whole units.
    static func ramp(
        perMonth: Double, start: Double, rampEnd: ClosedRange<Int>, horizon: Int, rng: inout SeededRandom
    )
        -> [CapacityStep]
    {
        let full = max(1, perMonth.rounded())
        let end = min(rng.int(in: rampEnd), max(1, horizon - 1))
        let first = max(1, (full * start).rounded())
        if end <= 0 || first >= full { return [CapacityStep(from: 0, perMonth: full)] }
        let mid = max(first, ((first + full) / 2).rounded())
        var steps = [CapacityStep(from: 0, perMonth: first)]
        if end / 2 > 0 && mid > first && mid < full { steps.append(CapacityStep(from: end / 2, perMonth: mid)) }
        steps.append(CapacityStep(from: end, perMonth: full))
        return steps
    }

    mutating func addLine(item: String, perMonth: Double, lead: Int, start: Double, rng: inout SeededRandom) {
        let country = rng.pick(nationCodes)
        lines.append(
            Line(
                id: lineCounter.id(prefix: "L", country: country, width: 4), producer: "Works \(country)-\(lines.count + 1)",
                country: country, item: item, leadTimeMonths: lead,
                capacity: Self.ramp(perMonth: perMonth, start: start, rampEnd: 3...18, horizon: shape.horizon, rng: &rng)))
    }

    mutating func addSupply(item: String, perMonth: Double, lead: Int, start: Double, rng: inout SeededRandom) {
        let country = rng.pick(nationCodes)
        supplies.append(
            Supply(
                id: supplyCounter.id(prefix: "S", country: country, width: 4),
                supplier: "Supplier \(country)-\(supplies.count + 1)", country: country, item: item, leadTimeMonths: lead,
                capacity: Self.ramp(perMonth: perMonth, start: start, rampEnd: 2...24, horizon: shape.horizon, rng: &rng)))
    }

    mutating func endItemLines(rng: inout SeededRandom) {
        let h = Double(shape.horizon)
        for family in families {
            let bodyNeed = family.variants.reduce(0) { $0 + (wantedByItem[$1] ?? 0) }
            addLine(item: family.body, perMonth: max(10, 1.6 * bodyNeed / h), lead: rng.int(in: 1...2), start: 0.5, rng: &rng)
            for variant in family.variants {
                let wanted = wantedByItem[variant] ?? 0
                let lineCount = rng.int(in: 1...2)
                for _ in 0..<lineCount {
                    let perMonth = max(10, wanted / h * rng.double(in: 0.9...1.8) / Double(lineCount))
                    // Lead times of 2 to 7 months: longer than the gaps between due months.
                    addLine(item: variant, perMonth: perMonth, lead: rng.int(in: 2...7), start: rng.double(in: 0.2...0.6), rng: &rng)
                }
            }
        }
    }

    mutating func materialSources(rng: inout SeededRandom) {
        let h = Double(shape.horizon)
        var fillNeed = [Double](repeating: 0, count: shape.materialGroups)
        var propNeed = fillNeed
        var copperNeed = 0.0, steelNeed = 0.0
        for family in families {
            for (v, variant) in family.variants.enumerated() {
                let wanted = wantedByItem[variant] ?? 0
                fillNeed[family.group] += wanted * family.fillPerUnit[v]
                propNeed[family.group] += wanted * family.propPerUnit[v]
                copperNeed += wanted * family.copperPerUnit[v]
                steelNeed += wanted * family.steelPerBody
            }
        }
        addSupply(item: Self.steel, perMonth: max(10, 1.5 * steelNeed / h), lead: rng.int(in: 1...3), start: 0.6, rng: &rng)
        if copperNeed > 0 {
            addSupply(item: Self.copper, perMonth: max(10, 0.9 * copperNeed / h), lead: rng.int(in: 2...6), start: 0.3, rng: &rng)
        }
        for g in 0..<shape.materialGroups {
            // The scarce raw materials: a share of what the demands would need, from one to three suppliers.
            for (raw, need) in [(Self.rawExplosive(g), fillNeed[g] * 1.1), (Self.rawNC(g), propNeed[g] * 1.15)] where need > 0 {
                let total = need * rng.double(in: shape.scarcity) / h
                let count = rng.int(in: 1...3)
                for _ in 0..<count {
                    addSupply(item: raw, perMonth: max(10, total / Double(count)), lead: rng.int(in: 2...6), start: 0.25, rng: &rng)
                }
            }
            addSupply(
                item: Self.chemical(g), perMonth: max(10, 0.5 * (fillNeed[g] + propNeed[g]) / h), lead: rng.int(in: 1...2),
                start: 0.8, rng: &rng)
            // Fill and propellant are made on lines from the raw materials, with room to spare.
            addLine(item: Self.fill(g), perMonth: max(10, 1.4 * fillNeed[g] / h), lead: rng.int(in: 1...4), start: 0.5, rng: &rng)
            if propNeed[g] > 0 {
                addLine(item: Self.prop(g), perMonth: max(10, 1.4 * propNeed[g] / h), lead: rng.int(in: 2...5), start: 0.5, rng: &rng)
            }
            if rng.chance(0.5) {
                // Some fill is also bought ready-made, a little and late.
                addSupply(item: Self.fill(g), perMonth: max(10, 0.05 * fillNeed[g] / h), lead: rng.int(in: 4...9), start: 1, rng: &rng)
            }
        }
    }

    /// Stock of some end items (a share of their early demand) and of some fills; none of the others.
    mutating func initialStocks(rng: inout SeededRandom) {
        for family in families {
            for variant in family.variants where rng.chance(0.4) {
                let early = earlyByItem[variant] ?? 0
                let qty = (early * rng.double(in: 0.1...0.5)).rounded()
                if qty >= 1 { stocks.append(Stock(item: variant, qty: qty)) }
            }
        }
        for g in 0..<shape.materialGroups where rng.chance(0.5) {
            let fillPerMonth = supplies.filter { $0.item == Self.rawExplosive(g) }.reduce(0) { $0 + ($1.capacity.last?.perMonth ?? 0) }
            let qty = (fillPerMonth * rng.double(in: 1...3)).rounded()
            if qty >= 1 { stocks.append(Stock(item: Self.fill(g), qty: qty)) }
        }
    }
}
