/// A nation's class demand is served only by the munitions of that class the nation can use (planning-model.md,
/// `items`): what the interchangeability matrix says, applied to the scenario a plan is made from.
///
/// The matrix governs a class once any of its items is qualified for some system, and a nation once it operates
/// some system; a demand of a nation, or for a class, it does not govern is planned as before, since Rampart knows
/// nothing of what that nation fires. A governed class demand becomes a demand for the list of the class's items
/// the nation can use (left a class demand when that is every item of the class). One whose nation can use none of
/// the class is left as it is and reported, as is a demand for one governed item the nation cannot use: the
/// contract has no empty list, and dropping the demand would hide it.
public struct UsableMunitions: Sendable, Equatable {
    /// A demand the nation cannot serve with any munition it can fire.
    public struct Unusable: Sendable, Equatable, CustomStringConvertible {
        public var demand: String
        public var nation: String
        /// The demand's item or class.
        public var target: String
        /// The systems the nation operates, sorted.
        public var systems: [String]

        public var description: String {
            "\(demand): \(nation) can fire no munition of \(target) with its systems (\(systems.joined(separator: ", ")))"
        }
    }

    public var scenario: Scenario
    /// The class demands now served only by their `items`.
    public var narrowed: [String]
    public var unusable: [Unusable]

    public static func apply(
        to scenario: Scenario, fleets: [Fleet], qualifications: [Qualification], recognitions: [Recognition]
    )
        -> UsableMunitions
    {
        let matrix = InterchangeabilityMatrix.derive(fleets: fleets, qualifications: qualifications, recognitions: recognitions)
        var usable: [String: Set<String>] = [:]
        for cell in matrix.cells { usable[cell.nation, default: []].insert(cell.item) }
        var systems: [String: Set<String>] = [:]
        for fleet in fleets where fleet.count > 0 { systems[fleet.nation, default: []].insert(fleet.system) }
        let qualified = Set(qualifications.map(\.item))
        var classItems: [String: [String]] = [:]
        for item in scenario.items { if let itemClass = item.itemClass { classItems[itemClass, default: []].append(item.id) } }

        var out = scenario
        var narrowed: [String] = []
        var unusable: [Unusable] = []
        for index in out.demands.indices {
            let demand = out.demands[index]
            guard let operated = systems[demand.nation] else { continue }
            let canUse = usable[demand.nation] ?? []
            let flag = { (target: String) in
                unusable.append(Unusable(demand: demand.id, nation: demand.nation, target: target, systems: operated.sorted()))
            }
            if let itemClass = demand.itemClass, let members = classItems[itemClass], members.contains(where: qualified.contains) {
                let list = members.filter(canUse.contains)
                if list.isEmpty {
                    flag("class \(itemClass)")
                } else if list.count < members.count {
                    out.demands[index].itemClass = nil
                    out.demands[index].items = list
                    narrowed.append(demand.id)
                }
            } else if let item = demand.item, qualified.contains(item), !canUse.contains(item) {
                flag(item)
            }
        }
        return UsableMunitions(scenario: out, narrowed: narrowed, unusable: unusable)
    }

    /// Results as the nations entered their demands: a narrowed demand is reported under its class, so that no
    /// table of targets names the munitions one nation can use (which its readers may not learn).
    public func reportedAsRecorded(_ results: [DemandResult], recorded: Scenario) -> [DemandResult] {
        guard !narrowed.isEmpty else { return results }
        let changed = Set(narrowed)
        let byID = Dictionary(recorded.demands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return results.map { result in
            guard changed.contains(result.demand.id), let demand = byID[result.demand.id] else { return result }
            var out = result
            out.outcome.demand = demand
            return out
        }
    }
}
