import Fluent
import Foundation
import RampartCore
import SQLKit

/// A run's late or short demands, as a reader may see them: filtered to the nations they may read before the list is
/// cut into pages, worst first (by weighted lateness; runs stored before migration 013 by units late and short).
enum PlanLateDemands {
    struct Row: Decodable, Sendable {
        var demand_code: String
        var nation: String
        var target: String
        var qty: Double
        var due_month: Int
        var priority: Int
        var late_units: Double
        var unserved_units: Double
        var last_delivery_month: Int?
        var first_delivery_month: Int?
        var weighted_lateness: Double?
        var reason: String?
        var causes: String?

        /// Months from the due month to the last delivery, for a demand with late units.
        var monthsLate: Int? {
            guard late_units > 0, let last = last_delivery_month else { return nil }
            return max(0, last - due_month)
        }

        var causeList: [String] { causeChain.causes }
        var causeChain: StoredCauses { PlanDemandResultRecord.chain(json: causes, reason: reason) }
    }

    /// What the list offers: staff also filter by nation.
    static func spec(calendar: MonthCalendar?, horizonMonths: Int, allNations: Bool) -> TableSpec {
        TableSpec(
            sortKeys: ["lateness", "demand", "nation", "priority", "due", "months_late", "late", "unserved"],
            defaultDescending: true,
            filters: (allNations ? [DemandListFilters.nation()] : []) + [
                DemandListFilters.priority(), DemandListFilters.year(calendar: calendar, horizonMonths: horizonMonths),
                DemandListFilters.outcome(includingOnTime: false),
            ],
            searchLabel: "Demand or target")
    }

    static let columns = DemandListFilters.Columns(
        code: "demand_code", nation: "nation", target: "target", priority: "priority", dueMonth: "due_month",
        lateUnits: "late_units", unservedUnits: "unserved_units")

    /// A nation's place when the Allies and partners are sorted by name (as the list shows them), as SQL; nations
    /// Rampart does not know come after them, by code. The codes are the core's fixed list of letters, not input.
    static let nationByName: String = {
        let ranked = Alliance.all.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let whens = ranked.enumerated().compactMap { rank, nation in
            nation.code.allSatisfy { $0.isASCII && $0.isLetter } ? "WHEN '\(nation.code)' THEN \(rank)" : nil
        }
        return "CASE nation " + whens.joined(separator: " ") + " ELSE \(ranked.count) END"
    }()

    /// The sort keys as SQL; each list ends with the demand's code, so the order is total and pages do not overlap.
    static func order(_ query: TableQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        let key: String
        switch query.sort {
        case "demand": key = "demand_code"
        case "nation": key = "\(Self.nationByName) \(direction), nation"
        case "priority": key = "priority"
        case "due": key = "due_month"
        case "months_late": key = "CASE WHEN late_units > 0 THEN COALESCE(last_delivery_month, due_month) - due_month ELSE -1 END"
        case "late": key = "late_units"
        case "unserved": key = "unserved_units"
        default: key = "COALESCE(weighted_lateness, 0) \(direction), late_units + unserved_units"
        }
        return query.sort == "demand" ? "demand_code \(direction)" : "\(key) \(direction), demand_code"
    }

    /// One page of the late or short demands of `run`, worst first, of `nation` only when given.
    static func page(run: UUID, nation: String?, page: Int, per: Int, on db: any Database) async throws -> (rows: [Row], total: Int) {
        let worstFirst = TableQuery(sort: "lateness", descending: true, page: page)
        let found = try await self.page(run: run, nation: nation, query: worstFirst, calendar: nil, per: per, on: db)
        return (found.rows, found.total)
    }

    /// One page of the late or short demands of `run` that `query` leaves, of `nation` only when given.
    static func page(
        run: UUID, nation: String?, query: TableQuery, calendar: MonthCalendar?, per: Int, on db: any Database
    ) async throws -> (rows: [Row], total: Int, allTotal: Int, weightedLateness: Double) {
        let sql = try SQLAccess.sql(db)
        let nationFilter: SQLQueryString = nation.map { " AND nation = \(bind: $0)" } ?? ""
        let narrowed = DemandListFilters.conditions(query, columns, calendar: calendar)
        struct Counts: Decodable {
            var matching: Int
            var weighted: Double
            var all: Int
        }
        // What the query leaves and what the reader may see, in one pass over the run's late results in the index.
        let matches: SQLQueryString = "CASE WHEN 1 = 1" + narrowed
        let counts =
            try await sql.raw(
                "SELECT COALESCE(SUM(" + matches + " THEN 1 ELSE 0 END), 0) AS matching, "
                    + "COALESCE(SUM(" + matches + " THEN COALESCE(weighted_lateness, 0) ELSE 0 END), 0) AS weighted, "
                    + "COUNT(*) AS \(ident: "all") FROM plan_demand_results "
                    + "WHERE plan_run_id = \(bind: run) AND (late_units > 0 OR unserved_units > 0)" + nationFilter
            ).first(decoding: Counts.self) ?? Counts(matching: 0, weighted: 0, all: 0)
        let total = counts.matching
        // The page's codes first, sorted in the index alone; then those rows in full: sorting the full rows would read
        // every late demand's causes to keep 50.
        let pageCodes: SQLQueryString =
            "SELECT demand_code FROM plan_demand_results WHERE plan_run_id = \(bind: run) AND (late_units > 0 OR unserved_units > 0)"
            + nationFilter + narrowed
            + " ORDER BY \(unsafeRaw: order(query)) LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: query.page, per: per))"
        let rows = try await sql.raw(
            """
            SELECT demand_code, nation, target, qty, due_month, priority, late_units, unserved_units, last_delivery_month,
                   first_delivery_month, weighted_lateness, reason, causes
            FROM plan_demand_results
            WHERE plan_run_id = \(bind: run) AND demand_code IN (
            """ + pageCodes + ") ORDER BY \(unsafeRaw: order(query))"
        ).all(decoding: Row.self)
        return (rows, total, counts.all, counts.weighted)
    }
}

extension PlanDetailPage.LateRow {
    /// A stored late result as the pages show it, months written by `month`.
    init(_ row: PlanLateDemands.Row, month: (Int?) -> String?) {
        let chain = row.causeChain
        self.init(
            demand: row.demand_code, nation: row.nation, target: row.target, dueLabel: month(row.due_month) ?? "",
            firstDeliveryLabel: month(row.first_delivery_month), lastDeliveryLabel: month(row.last_delivery_month),
            monthsLate: row.monthsLate, lateUnits: row.late_units, unservedUnits: row.unserved_units,
            weightedLateness: row.weighted_lateness, causes: chain.causes, priority: row.priority, causesNotKept: chain.notKept)
    }
}
