import RampartCore
import SQLKit

/// The filters and sorts the lists of demands share (a run's late demands, a nation's demands): by nation, priority,
/// due year and outcome, and a search of the demand's code and target; written once as SQL over the columns each list
/// names.
enum DemandListFilters {
    /// The columns of one list's query.
    struct Columns {
        var code: String
        var nation: String
        var target: String
        var priority: String
        var dueMonth: String
        /// Nil where the list has no outcomes (no plan run).
        var lateUnits: String?
        var unservedUnits: String?
    }

    static func priority() -> TableSpec.Filter {
        TableSpec.Filter(
            name: "priority", label: "Priority",
            options: [("", "All priorities")] + FieldRules.priorities.map { (String($0), "Priority \($0)") })
    }

    /// The calendar years the horizon covers.
    static func year(calendar: MonthCalendar?, horizonMonths: Int) -> TableSpec.Filter {
        var years: [Int] = []
        if let calendar, horizonMonths > 0 {
            years = Array(calendar.year(of: 0)...calendar.year(of: horizonMonths - 1))
        }
        return TableSpec.Filter(name: "year", label: "Due in", options: [("", "Any year")] + years.map { (String($0), String($0)) })
    }

    static func nation() -> TableSpec.Filter {
        TableSpec.Filter(
            name: "nation", label: "Nation",
            options: [("", "All nations")] + Alliance.all.sorted { $0.name < $1.name }.map { ($0.code, $0.name) })
    }

    /// Outcome in the plan: for a list of late or short demands, which of the two; for all demands, also on time.
    static func outcome(includingOnTime: Bool) -> TableSpec.Filter {
        TableSpec.Filter(
            name: "outcome", label: "Outcome",
            options: [("", includingOnTime ? "Any outcome" : "Late or short")] + (includingOnTime ? [("on-time", "On time")] : [])
                + [("late", "Some units late"), ("unserved", "Some units unserved")]
                + (includingOnTime ? [("not-planned", "Not in the plan")] : []))
    }

    /// The conditions `query` sets, each starting with `AND`.
    static func conditions(_ query: TableQuery, _ columns: Columns, calendar: MonthCalendar?) -> SQLQueryString {
        var out: SQLQueryString = ""
        if let nation = query.filters["nation"] { out += " AND \(unsafeRaw: columns.nation) = \(bind: nation)" }
        if let priority = query.filters["priority"].flatMap(Int.init) { out += " AND \(unsafeRaw: columns.priority) = \(bind: priority)" }
        if let year = query.filters["year"].flatMap(Int.init), let calendar, let first = calendar.index(of: "\(year)-01") {
            out += " AND \(unsafeRaw: columns.dueMonth) BETWEEN \(bind: first) AND \(bind: first + 11)"
        }
        if let outcome = query.filters["outcome"], let late = columns.lateUnits, let unserved = columns.unservedUnits {
            switch outcome {
            case "on-time": out += " AND \(unsafeRaw: late) = 0 AND \(unsafeRaw: unserved) = 0"
            case "late": out += " AND \(unsafeRaw: late) > 0"
            case "unserved": out += " AND \(unsafeRaw: unserved) > 0"
            case "not-planned": out += " AND \(unsafeRaw: late) IS NULL"
            default: break
            }
        }
        if !query.search.isEmpty {
            out +=
                " AND (LOWER(\(unsafeRaw: columns.code)) LIKE \(bind: query.likePattern) ESCAPE '\\'"
                + " OR LOWER(\(unsafeRaw: columns.target)) LIKE \(bind: query.likePattern) ESCAPE '\\')"
        }
        return out
    }
}
