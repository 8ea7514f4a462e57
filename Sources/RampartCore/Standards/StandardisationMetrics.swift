/// The figures of the interoperability working group: how far each nation has ratified and implemented the
/// standards in force, the items no standard in force covers, the pairs of nations that cannot share any munition
/// of a class, and the munitions that would close most of those gaps if more nations qualified them.
public enum StandardisationMetrics {
    public struct NationStanding: Sendable, Equatable {
        public var nation: String
        /// Standards in force.
        public var relevant: Int
        /// Ratified, with or without reservations.
        public var ratified: Int
        public var withReservations: Int
        /// Implemented by `asOf`.
        public var implemented: Int

        public init(nation: String, relevant: Int, ratified: Int, withReservations: Int, implemented: Int) {
            self.nation = nation
            self.relevant = relevant
            self.ratified = ratified
            self.withReservations = withReservations
            self.implemented = implemented
        }

        public var ratifiedShare: Double { relevant == 0 ? 0 : Double(ratified) / Double(relevant) }
        public var implementedShare: Double { relevant == 0 ? 0 : Double(implemented) / Double(relevant) }
    }

    /// Each nation's standing on the standards in force, as of a day (an implementation dated later does not count).
    public static func standings(
        nations: [String], standards: [Standard], ratifications: [Ratification], asOf day: CalendarDay
    ) -> [NationStanding] {
        let inForce = Set(standards.filter { $0.status == .inForce }.map(\.code))
        var byNation: [String: [Ratification]] = [:]
        for r in ratifications where inForce.contains(r.standard) { byNation[r.nation, default: []].append(r) }
        return nations.map { nation in
            let rows = byNation[nation] ?? []
            return NationStanding(
                nation: nation, relevant: inForce.count, ratified: rows.filter(\.status.isRatified).count,
                withReservations: rows.filter { $0.status == .withReservations }.count,
                implemented: rows.filter { r in r.status.isRatified && r.implemented.map { !(day < $0) } == true }.count)
        }
    }

    /// The items (sorted) that conform to no standard in force.
    public static func unstandardised(items: [String], standards: [Standard], conformances: [Conformance]) -> [String] {
        let inForce = Set(standards.filter { $0.status == .inForce }.map(\.code))
        let covered = Set(conformances.filter { inForce.contains($0.standard) }.map(\.item))
        return items.filter { !covered.contains($0) }.sorted()
    }

    /// Two nations that both field a class (each operates a system some munition of the class is qualified for)
    /// and can use no munition of it in common.
    public struct Gap: Sendable, Hashable {
        public var itemClass: String
        public var nation: String
        public var other: String

        public init(itemClass: String, nation: String, other: String) {
            self.itemClass = itemClass
            self.nation = nation
            self.other = other
        }
    }

    /// A munition that would close gaps of its class if the nations named qualified it for a system they operate.
    public struct Closer: Sendable, Equatable {
        public var item: String
        public var itemClass: String
        public var gapsClosed: Int
        /// The nations that cannot use it yet and would have to qualify it (or recognise a qualification).
        public var toQualify: [String]

        public init(item: String, itemClass: String, gapsClosed: Int, toQualify: [String]) {
            self.item = item
            self.itemClass = itemClass
            self.gapsClosed = gapsClosed
            self.toQualify = toQualify
        }
    }

    /// The gaps, sorted by class and pair, and the munitions that would close most of them (most first, then by
    /// item), from the matrix and what it is derived from.
    public static func gaps(
        matrix: InterchangeabilityMatrix, classOf: [String: String], fleets: [Fleet], qualifications: [Qualification]
    ) -> (gaps: [Gap], closers: [Closer]) {
        var systemsOf: [String: Set<String>] = [:]
        for f in fleets where f.count > 0 { systemsOf[f.nation, default: []].insert(f.system) }
        var systemsFor: [String: Set<String>] = [:]  // item → systems it is qualified for, by anyone
        for q in qualifications { systemsFor[q.item, default: []].insert(q.system) }
        var usable: [String: Set<String>] = [:]  // nation → items
        for cell in matrix.cells { usable[cell.nation, default: []].insert(cell.item) }
        var itemsOfClass: [String: [String]] = [:]
        for (item, itemClass) in classOf where systemsFor[item] != nil { itemsOfClass[itemClass, default: []].append(item) }

        var gaps: [Gap] = []
        var closers: [Closer] = []
        for itemClass in itemsOfClass.keys.sorted() {
            let items = itemsOfClass[itemClass]!.sorted()
            let classSystems = items.reduce(into: Set<String>()) { $0.formUnion(systemsFor[$1] ?? []) }
            let fielding = systemsOf.keys.filter { !(systemsOf[$0]!.isDisjoint(with: classSystems)) }.sorted()
            let usableHere = Dictionary(uniqueKeysWithValues: fielding.map { ($0, (usable[$0] ?? []).intersection(items)) })
            var classGaps: [Gap] = []
            for (i, a) in fielding.enumerated() {
                for b in fielding[(i + 1)...] where usableHere[a]!.isDisjoint(with: usableHere[b]!) {
                    classGaps.append(Gap(itemClass: itemClass, nation: a, other: b))
                }
            }
            gaps += classGaps
            guard !classGaps.isEmpty else { continue }
            for item in items {
                // A nation could use the item once it qualified it for a system it operates that the item is
                // qualified for by someone already.
                func canCome(_ nation: String) -> Bool {
                    usableHere[nation]!.contains(item) || !(systemsOf[nation]!.isDisjoint(with: systemsFor[item] ?? []))
                }
                let closed = classGaps.filter { canCome($0.nation) && canCome($0.other) }
                guard !closed.isEmpty else { continue }
                let toQualify = Set(closed.flatMap { [$0.nation, $0.other] }).filter { !usableHere[$0]!.contains(item) }.sorted()
                closers.append(Closer(item: item, itemClass: itemClass, gapsClosed: closed.count, toQualify: toQualify))
            }
        }
        closers.sort { ($1.gapsClosed, $0.item) < ($0.gapsClosed, $1.item) }
        return (gaps, closers)
    }
}
