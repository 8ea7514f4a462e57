/// The plan page's tables as CSV, with the page's columns.
enum PlanDetailCSV {
    typealias Month = String?

    static func late(_ rows: [PlanLateDemands.Row], month: (Int?) -> Month, marking: String) -> CSVTable {
        CSVTable(
            header: [
                "demand", "nation", "target", "quantity", "priority", "due", "first delivery", "last delivery", "months late",
                "late units", "unserved units", "weighted lateness", "main reason", "all causes",
            ],
            rows: rows.map { row in
                let chain = row.causeChain
                return [
                    .text(row.demand_code), .text(row.nation), .text(row.target), .number(row.qty), .integer(row.priority),
                    .text(month(row.due_month) ?? ""), .text(month(row.first_delivery_month) ?? ""),
                    .text(month(row.last_delivery_month) ?? ""), .integer(row.monthsLate), .number(row.late_units),
                    .number(row.unserved_units), .number(row.weighted_lateness), .text(chain.causes.first ?? ""),
                    .text(Self.allCauses(chain.causes, notKept: chain.notKept)),
                ]
            }, marking: marking)
    }

    /// The chain in one cell, saying how many more causes the planner found and did not keep.
    static func allCauses(_ causes: [String], notKept: Int) -> String {
        causes.joined(separator: "; ") + (notKept > 0 ? "; and \(notKept) more not kept by the planner" : "")
    }
}
