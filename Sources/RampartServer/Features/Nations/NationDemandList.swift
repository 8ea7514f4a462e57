import Fluent
import Foundation
import RampartCore
import SQLKit

/// A nation's demands as its page lists them: each with its outcome in a plan run, sorted, filtered and searched by
/// `TableQuery`, in one query per page; and their totals by target, since only units of one item or class add up.
enum NationDemandList {
    struct Row: Decodable, Sendable {
        var code: String
        var item_code: String?
        var item_class: String?
        var qty: Double
        var due_month: Int
        var priority: Int
        var released: Bool
        var on_time_units: Double?
        var late_units: Double?
        var unserved_units: Double?
        var first_delivery_month: Int?
        var last_delivery_month: Int?
        var weighted_lateness: Double?
        var causes: String?
        var reason: String?

        var target: String { DemandTarget(item: item_code, itemClass: item_class).key }
        var monthsLate: Int? {
            guard let late = late_units, late > 0, let last = last_delivery_month else { return nil }
            return max(0, last - due_month)
        }
        var causeList: [String] { causeChain.causes }
        var causeChain: StoredCauses { PlanDemandResultRecord.chain(json: causes, reason: reason) }
    }

    struct Total: Decodable, Sendable {
        var target: String
        var demands: Int
        var qty: Double
        var on_time_units: Double?
        var late_units: Double?
        var unserved_units: Double?
    }

    static func spec(calendar: MonthCalendar?, horizonMonths: Int) -> TableSpec {
        TableSpec(
            sortKeys: ["entered", "demand", "target", "qty", "due", "priority", "months_late", "lateness"],
            filters: [
                DemandListFilters.priority(), DemandListFilters.year(calendar: calendar, horizonMonths: horizonMonths),
                DemandListFilters.outcome(includingOnTime: true),
                TableSpec.Filter(
                    name: "released", label: "Released", options: [("", "Released or not"), ("yes", "Released"), ("no", "Not released")]),
            ],
            searchLabel: "Demand or target")
    }

    static let columns = DemandListFilters.Columns(
        code: "d.code", nation: "d.nation", target: "COALESCE(d.item_code, 'class:' || d.item_class)", priority: "d.priority",
        dueMonth: "d.due_month", lateUnits: "r.late_units", unservedUnits: "r.unserved_units")

    static func order(_ query: TableQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        let key: String
        switch query.sort {
        case "demand": return "d.code \(direction)"
        case "target": key = columns.target
        case "qty": key = "d.qty"
        case "due": key = "d.due_month"
        case "priority": key = "d.priority"
        case "months_late": key = "CASE WHEN r.late_units > 0 THEN COALESCE(r.last_delivery_month, d.due_month) - d.due_month ELSE -1 END"
        case "lateness": key = "COALESCE(r.weighted_lateness, 0)"
        default: key = "d.position"
        }
        return "\(key) \(direction), d.code"
    }

    static func conditions(_ query: TableQuery, calendar: MonthCalendar?) -> SQLQueryString {
        var out = DemandListFilters.conditions(query, columns, calendar: calendar)
        if let released = query.filters["released"] { out += " AND d.released = \(bind: released == "yes")" }
        return out
    }

    /// One page of `nation`'s demands that `query` leaves, with their outcomes in `run`; and how many there are.
    static func page(
        nation: String, run: UUID?, query: TableQuery, calendar: MonthCalendar?, per: Int, on db: any Database
    ) async throws -> (rows: [Row], total: Int, all: Int) {
        let sql = try SQLAccess.sql(db)
        let from = from(nation: nation, run: run)
        let narrowed = conditions(query, calendar: calendar)
        struct Counts: Decodable {
            var matching: Int
            var all: Int
        }
        // What the query leaves and all of the nation's demands, in one pass.
        let counts = try await sql.raw(
            "SELECT COALESCE(SUM(CASE WHEN 1 = 1" + narrowed + " THEN 1 ELSE 0 END), 0) AS matching, COUNT(*) AS \(ident: "all") " + from
        ).first(decoding: Counts.self)
        let total = counts?.matching ?? 0, all = counts?.all ?? 0
        // The page's codes first, then those rows in full: sorting full rows would read every demand's causes to keep 50.
        let pageCodes: SQLQueryString =
            "SELECT d.code" + from + narrowed
            + " ORDER BY \(unsafeRaw: order(query)) LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: query.page, per: per))"
        let rows = try await sql.raw(
            """
            SELECT d.code, d.item_code, d.item_class, d.qty, d.due_month, d.priority, d.released, r.on_time_units, r.late_units,
                   r.unserved_units, r.first_delivery_month, r.last_delivery_month, r.weighted_lateness, r.causes, r.reason
            """ + Self.from(nation: nation, run: run) + " AND d.code IN (" + pageCodes + ") ORDER BY \(unsafeRaw: order(query))"
        ).all(decoding: Row.self)
        return (rows, total, all)
    }

    /// Every demand `query` leaves, in its order: what the CSV holds.
    static func all(nation: String, run: UUID?, query: TableQuery, calendar: MonthCalendar?, on db: any Database) async throws -> [Row] {
        var first = query
        first.page = 1
        return try await page(nation: nation, run: run, query: first, calendar: calendar, per: Int(Int32.max), on: db).rows
    }

    /// The demands `query` leaves, summed per item or class.
    static func totals(nation: String, run: UUID?, query: TableQuery, calendar: MonthCalendar?, on db: any Database) async throws -> [Total]
    {
        let sql = try SQLAccess.sql(db)
        return try await sql.raw(
            "SELECT \(unsafeRaw: columns.target) AS target, COUNT(*) AS demands, SUM(d.qty) AS qty, SUM(r.on_time_units) AS on_time_units, "
                + "SUM(r.late_units) AS late_units, SUM(r.unserved_units) AS unserved_units "
                + from(nation: nation, run: run) + conditions(query, calendar: calendar)
                + " GROUP BY \(unsafeRaw: columns.target) ORDER BY \(unsafeRaw: columns.target)"
        ).all(decoding: Total.self)
    }

    private static func from(nation: String, run: UUID?) -> SQLQueryString {
        let join: SQLQueryString =
            run.map { " LEFT JOIN plan_demand_results r ON r.demand_code = d.code AND r.plan_run_id = \(bind: $0)" }
            ?? " LEFT JOIN plan_demand_results r ON 1 = 0"
        return " FROM demands d" + join + " WHERE d.nation = \(bind: nation)"
    }
}
