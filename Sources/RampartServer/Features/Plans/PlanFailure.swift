import Foundation
import RampartCore

/// Why a plan run failed, in words for the people who read the run (every role): the records at fault by their
/// ids, or that the server had a problem. The technical detail goes to the log, which only staff read.
struct PlanFailure: Error, CustomStringConvertible {
    var description: String

    static let noScenario = PlanFailure(description: "there is no scenario to plan: import one first")

    /// The scenario breaks the contract's rules (records stored before a rule existed): each problem names its
    /// record, for example "demand D-US-0002: qty: 1e+308 is too large (at most 1e12)".
    static func invalid(_ issues: [ScenarioIssue], in scenario: Scenario) -> PlanFailure {
        let shown = issues.prefix(5).map { issue in
            "\(recordName(of: issue.path, in: scenario)): \(issue.message)"
        }
        let more = issues.count > shown.count ? "; and \(issues.count - shown.count) more" : ""
        return PlanFailure(
            description: "the scenario cannot be planned until these are corrected: "
                + shown.joined(separator: "; ") + more)
    }

    static func serverProblem(runID: UUID?) -> PlanFailure {
        PlanFailure(
            description: "the plan could not be completed because of a problem on the server; start a new run, "
                + "and if it fails again Alliance staff will find the details in the server log (run \(runID?.uuidString ?? "?"))")
    }

    /// "demands[41].qty" as "demand D-US-0002, qty".
    static func recordName(of path: String, in scenario: Scenario) -> String {
        let lists: [(prefix: String, noun: String, ids: (Int) -> String?)] = [
            ("demands[", "demand", { scenario.demands.indices.contains($0) ? scenario.demands[$0].id : nil }),
            ("lines[", "line", { scenario.lines.indices.contains($0) ? scenario.lines[$0].id : nil }),
            ("supplies[", "supply", { scenario.supplies.indices.contains($0) ? scenario.supplies[$0].id : nil }),
            ("items[", "item", { scenario.items.indices.contains($0) ? scenario.items[$0].id : nil }),
            ("stocks[", "stock of", { scenario.stocks.indices.contains($0) ? scenario.stocks[$0].item : nil }),
        ]
        for list in lists where path.hasPrefix(list.prefix) {
            let rest = path.dropFirst(list.prefix.count)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), let id = list.ids(index) else { break }
            let field = rest[rest.index(after: close)...].drop { $0 == "." }
            return field.isEmpty ? "\(list.noun) \(id)" : "\(list.noun) \(id), \(field)"
        }
        return path.isEmpty ? "the scenario" : path
    }
}
