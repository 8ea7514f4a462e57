extension ScenarioGenerator {
    /// An interchangeability class as generated: its family and its end items (variants).
    struct GeneratedClass {
        let id: String
        let family: FamilySpec
        let variants: [String]
        /// Relative share of the demands that name this class or one of its variants.
        let demandWeight: Double
    }

    /// Items with their BOMs, and what the later steps need to source them.
    struct Catalogue {
        var endItems: [Item] = []
        var components: [Item] = []
        var materials: [Item] = []
        var classes: [GeneratedClass] = []
        var componentSpecs: [String: ComponentSpec] = [:]
        var materialSpecs: [String: MaterialSpec] = [:]

        var items: [Item] { endItems + components + materials }
    }

    /// Builds the catalogue: classes per family, variants per class, and the components and
    /// materials their BOM templates call for. A component design serves `fanIn` parent items,
    /// so components grow with the number of end items.
    struct CatalogueBuilder {
        private var catalogue = Catalogue()
        private var ordinals: [String: Int] = [:]
        private var known: Set<String> = []
        private let materialTable = Dictionary(uniqueKeysWithValues: ScenarioGenerator.materials.map { ($0.id, $0) })

        static func build(scale: ScenarioScale, rng: inout SeededRandom) -> Catalogue {
            var builder = CatalogueBuilder()
            let present = ScenarioGenerator.families.filter { scale != .S || $0.inEveryScale }
            let counts = apportion(scale.classCount, weights: present.map(\.classShare))
            for (family, count) in zip(present, counts) {
                for k in 0..<count {
                    builder.addClass(family: family, ordinal: k, classCount: count, scale: scale, rng: &rng)
                }
            }
            return builder.catalogue
        }

        private mutating func addClass(
            family: FamilySpec, ordinal k: Int, classCount: Int, scale: ScenarioScale, rng: inout SeededRandom
        ) {
            let type = family.types[k % family.types.count]
            let block = k / family.types.count + 1
            let suffix = block == 1 ? type.code : "\(type.code)-B\(block)"
            let classId = "\(family.classKey)-\(suffix)"
            let blockName = block == 1 ? "" : " (block \(block))"
            var variants: [String] = []
            for v in 1...rng.int(in: scale.variantsPerClass) {
                let id = "\(family.stem)-\(suffix)-\(v)"
                let bom = family.bom.map { entry($0, rng: &rng) }
                catalogue.endItems.append(
                    Item(
                        id: id, name: "\(family.name), \(type.name)\(blockName), variant \(v)", kind: .end,
                        itemClass: classId, bom: bom))
                variants.append(id)
            }
            let weight = family.demandShare / Double(classCount) * rng.double(in: 0.5...1.5)
            catalogue.classes.append(GeneratedClass(id: classId, family: family, variants: variants, demandWeight: weight))
        }

        private mutating func entry(_ use: PartUse, rng: inout SeededRandom) -> BOMEntry {
            let qty = use.varies ? ScenarioGenerator.centi(use.qty * rng.double(in: 0.9...1.1)) : use.qty
            switch use.part {
            case .component(let spec):
                return BOMEntry(item: component(spec, rng: &rng), qty: qty)
            case .material(let id):
                addMaterial(id)
                return BOMEntry(item: id, qty: qty)
            }
        }

        private mutating func component(_ spec: ComponentSpec, rng: inout SeededRandom) -> String {
            let ordinal = ordinals[spec.stem, default: 0]
            ordinals[spec.stem] = ordinal + 1
            let design = ordinal / spec.fanIn + 1
            let id = "\(spec.stem)-\(design)"
            if known.insert(id).inserted {
                let bom = spec.bom.map { entry($0, rng: &rng) }
                catalogue.components.append(Item(id: id, name: "\(spec.name), design \(design)", kind: .component, bom: bom))
                catalogue.componentSpecs[id] = spec
            }
            return id
        }

        private mutating func addMaterial(_ id: String) {
            guard known.insert(id).inserted, let spec = materialTable[id] else { return }
            catalogue.materials.append(Item(id: id, name: spec.name, kind: .material))
            catalogue.materialSpecs[id] = spec
        }
    }

    /// Splits `total` in proportion to `weights` (largest remainder), at least 1 each.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let spare = max(0, total - weights.count)
        let exact = weights.map { Double(spare) * $0 / sum }
        var counts = exact.map { 1 + Int($0) }
        let remainders = exact.enumerated().map { ($0.offset, $0.element - Double(Int($0.element))) }
        let leftover = total - counts.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).prefix(max(0, leftover)) {
            counts[index] += 1
        }
        return counts
    }
}
