import Foundation
import RampartCore

/// The capacity steps as the line's form sends them: rows of `step_from_N` (a calendar month) and `step_per_month_N`
/// (units a month, "1,200" as the pages write it), empty rows dropped; each problem named by its row's field.
struct SourceStepsForm {
    /// The rows as typed, empty ones left out, for showing the form again.
    var rows: [SourceEditPage.StepRow] = []
    var steps: [SourcePatch.Step] = []
    var problems: [String] = []
    /// Index in `steps` → the form row it came from.
    private var rowOfStep: [Int] = []

    init(_ form: [String: String], calendar: MonthCalendar?, horizon: Int) {
        for row in 0..<SourceEditPage.maxRows {
            let from = (form["step_from_\(row)"] ?? "").trimmingCharacters(in: .whitespaces)
            let perMonth = (form["step_per_month_\(row)"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !from.isEmpty || !perMonth.isEmpty else { continue }
            let shown = rows.count
            rows.append(SourceEditPage.StepRow(from: from, perMonth: perMonth))
            let range = calendar.map { c in horizon > 0 ? "between \(c.label(0)) and \(c.label(horizon - 1))" : "" } ?? ""
            let month = calendar?.index(of: from)
            if month == nil {
                problems.append("step_from_\(shown): must be a calendar month \(range), as YYYY-MM")
            } else if let month, horizon > 0, !(0..<horizon).contains(month) {
                problems.append("step_from_\(shown): must be \(range), the planning horizon")
            }
            let units = FormNumber.number(perMonth)
            if units == nil { problems.append("step_per_month_\(shown): must be a number of units a month, such as 1200 or 1,200") }
            if let month, let units {
                steps.append(SourcePatch.Step(from: month, perMonth: units))
                rowOfStep.append(shown)
            }
        }
    }

    /// An editor's problem ("capacity[2].perMonth: ...") under the name of the form's field it came from.
    func formName(_ problem: String) -> String {
        guard problem.hasPrefix("capacity["), let close = problem.firstIndex(of: "]"),
            let index = Int(problem[problem.index(problem.startIndex, offsetBy: 9)..<close]), rowOfStep.indices.contains(index)
        else { return problem }
        let rest = problem[problem.index(after: close)...]
        let row = rowOfStep[index]
        if rest.hasPrefix(".from") { return "step_from_\(row)" + rest.dropFirst(5) }
        if rest.hasPrefix(".perMonth") { return "step_per_month_\(row)" + rest.dropFirst(9) }
        return problem
    }
}
