/// Where each demand's delivered units came from: the stock, or the line or supply whose output they were, started
/// and available in which months.
///
/// Units of an item are alike, so a plan's balance fixes how many come from where but not which consumer got which;
/// this pegging settles it first-in, first-out: each item's lots (its stock, then each line's and supply's output in
/// the month it becomes available) go to its consumers (deliveries, and components taken by line starts) in month
/// order, the earliest available lot first. Within a month, deliveries come before line starts, in the plan's order.
/// Only what the plan says is used, so the pegging holds for any plan the checker accepts.
public struct PlanPegging: Sendable {
    public struct Lot: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case stock, line, supply }
        public var kind: Kind
        /// The line's or supply's id; nil for stock.
        public var source: String?
        /// When the line started the units or the supply was ordered; nil for stock.
        public var startMonth: Int?
        /// When the units became available (0 for stock).
        public var availableMonth: Int
        /// When they were delivered to the demand.
        public var deliveryMonth: Int
        public var qty: Double

        public init(kind: Kind, source: String?, startMonth: Int?, availableMonth: Int, deliveryMonth: Int, qty: Double) {
            self.kind = kind
            self.source = source
            self.startMonth = startMonth
            self.availableMonth = availableMonth
            self.deliveryMonth = deliveryMonth
            self.qty = qty
        }
    }

    /// Demand id → its delivered units by origin, in delivery month order.
    public let byDemand: [String: [Lot]]

    public init(scenario: Scenario, plan: Plan) {
        var lotsByItem: [String: [(lot: Lot, left: Double)]] = [:]
        for stock in scenario.stocks where stock.qty > 0 {
            lotsByItem[stock.item, default: []].append(
                (Lot(kind: .stock, source: nil, startMonth: nil, availableMonth: 0, deliveryMonth: 0, qty: stock.qty), stock.qty))
        }
        let lines = Dictionary(scenario.lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let supplies = Dictionary(scenario.supplies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let h = scenario.horizonMonths
        for entry in plan.production where entry.qty > 0 {
            guard let line = lines[entry.line], entry.month + line.leadTimeMonths < h else { continue }
            lotsByItem[line.item, default: []].append(
                (
                    Lot(
                        kind: .line, source: line.id, startMonth: entry.month, availableMonth: entry.month + line.leadTimeMonths,
                        deliveryMonth: 0, qty: entry.qty), entry.qty
                ))
        }
        for entry in plan.purchases where entry.qty > 0 {
            guard let supply = supplies[entry.supply], entry.month + supply.leadTimeMonths < h else { continue }
            lotsByItem[supply.item, default: []].append(
                (
                    Lot(
                        kind: .supply, source: supply.id, startMonth: entry.month,
                        availableMonth: entry.month + supply.leadTimeMonths, deliveryMonth: 0, qty: entry.qty), entry.qty
                ))
        }
        // Consumers per item: (month, order within the month, demand id or nil for a line start's components, qty).
        var usesByItem: [String: [(month: Int, order: Int, demand: String?, qty: Double)]] = [:]
        for (k, delivery) in plan.deliveries.enumerated() where delivery.qty > 0 {
            usesByItem[delivery.item, default: []].append((delivery.month, k, delivery.demand, delivery.qty))
        }
        let bills = Dictionary(scenario.items.map { ($0.id, $0.bom) }, uniquingKeysWith: { first, _ in first })
        let afterDeliveries = plan.deliveries.count
        for (k, entry) in plan.production.enumerated() where entry.qty > 0 {
            guard let line = lines[entry.line] else { continue }
            for component in bills[line.item] ?? [] {
                usesByItem[component.item, default: []].append((entry.month, afterDeliveries + k, nil, component.qty * entry.qty))
            }
        }
        var byDemand: [String: [Lot]] = [:]
        for (item, unsortedUses) in usesByItem {
            var lots = (lotsByItem[item] ?? []).sorted { a, b in
                (a.lot.availableMonth, a.lot.kind.order, a.lot.source ?? "", a.lot.startMonth ?? 0)
                    < (b.lot.availableMonth, b.lot.kind.order, b.lot.source ?? "", b.lot.startMonth ?? 0)
            }
            let uses = unsortedUses.sorted { ($0.month, $0.order) < ($1.month, $1.order) }
            var next = 0
            for use in uses {
                var need = use.qty
                var k = next
                while need > Self.dust(use.qty), k < lots.count, lots[k].lot.availableMonth <= use.month {
                    let take = min(need, lots[k].left)
                    if take > 0 {
                        lots[k].left -= take
                        need -= take
                        if let demand = use.demand {
                            var lot = lots[k].lot
                            lot.deliveryMonth = use.month
                            lot.qty = take
                            byDemand[demand, default: []].append(lot)
                        }
                    }
                    k += 1
                }
                while next < lots.count, lots[next].left <= Self.dust(lots[next].lot.qty) { next += 1 }
            }
        }
        self.byDemand = byDemand.mapValues(Self.merged)
    }

    /// Rounding that a plan's balance tolerates.
    private static func dust(_ qty: Double) -> Double { 1e-9 * max(1, qty) }

    /// One entry per origin and delivery month.
    private static func merged(_ lots: [Lot]) -> [Lot] {
        var out: [Lot] = []
        for lot in lots {
            if let last = out.last, last.kind == lot.kind, last.source == lot.source, last.startMonth == lot.startMonth,
                last.deliveryMonth == lot.deliveryMonth
            {
                out[out.count - 1].qty += lot.qty
            } else {
                out.append(lot)
            }
        }
        return out.sorted { a, b in
            (a.deliveryMonth, a.availableMonth, a.kind.order, a.source ?? "") < (
                b.deliveryMonth, b.availableMonth, b.kind.order, b.source ?? ""
            )
        }
    }
}

extension PlanPegging.Lot.Kind {
    fileprivate var order: Int {
        switch self {
        case .stock: 0
        case .line: 1
        case .supply: 2
        }
    }
}
