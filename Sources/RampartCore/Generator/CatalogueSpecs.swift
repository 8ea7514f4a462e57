extension ScenarioGenerator {
    /// How a component is sourced: on lines, on lines and bought, or only bought.
    enum Sourcing: Sendable {
        case made, mixed, bought
    }

    /// A component design. One generated item of it serves `fanIn` parent items, so the
    /// number of components grows with the number of end items.
    struct ComponentSpec: Sendable {
        let stem: String
        let name: String
        let fanIn: Int
        let sourcing: Sourcing
        let leadTime: ClosedRange<Int>
        let countries: [String]
        let bom: [PartUse]
    }

    /// One BOM line of a template: a component or a material, and the quantity per parent unit.
    struct PartUse: Sendable {
        enum Part: Sendable {
            case component(ComponentSpec)
            case material(String)
        }

        let part: Part
        let qty: Double
        /// Quantities in kilograms vary by ±10 % between generated items; counted parts do not.
        let varies: Bool
    }

    /// A material source fixed by the template (a concentrated supply chain).
    struct MaterialSource: Sendable {
        let country: String
        let share: Double
        /// Month from which it delivers; a range means a new plant opening at a drawn month.
        let start: ClosedRange<Int>
    }

    struct MaterialSpec: Sendable {
        let id: String
        let name: String
        let leadTime: ClosedRange<Int>
        /// Fixed sources when the material is concentrated; otherwise empty and `pool` is used.
        let sources: [MaterialSource]
        let pool: [String]
        /// Supply rows at scale S when drawn from `pool`.
        let rows: Int
        /// Capacity relative to need before month 24 (below 1: an early bottleneck).
        let earlySlack: ClosedRange<Double>

        var isConcentrated: Bool { !sources.isEmpty }
    }

    struct ClassType: Sendable {
        let code: String
        let name: String
    }

    /// A product family: its interchangeability classes (one per type, then blocks of types)
    /// and the BOM template of its end items.
    struct FamilySpec: Sendable {
        let classKey: String
        let stem: String
        let name: String
        let types: [ClassType]
        let inEveryScale: Bool
        let classShare: Double
        let demandShare: Double
        let demandQty: ClosedRange<Int>
        let qtyUnit: Int
        let leadTime: ClosedRange<Int>
        let countries: [String]
        let bom: [PartUse]
    }

    static func use(_ component: ComponentSpec, _ qty: Double) -> PartUse {
        PartUse(part: .component(component), qty: qty, varies: false)
    }

    static func use(kg component: ComponentSpec, _ qty: Double) -> PartUse {
        PartUse(part: .component(component), qty: qty, varies: true)
    }

    static func material(_ id: String, _ qty: Double, varies: Bool = true) -> PartUse {
        PartUse(part: .material(id), qty: qty, varies: varies)
    }
}
