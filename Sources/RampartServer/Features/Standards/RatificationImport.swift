import Fluent
import Foundation
import RampartCore
import SQLKit
import Vapor

/// The ratifications as CSV, laid out as their export (`standard,nation,status,planned implementation,implemented`):
/// every bad row reported with its line and column, nothing imported when any row is bad. Rows set what is recorded
/// for their standard and nation; nothing is deleted.
enum RatificationImport {
    static let header = ["standard", "nation", "status", "planned implementation", "implemented"]

    static func run(_ text: String, by person: SignedIn, now: Date, on db: any Database) async throws -> InteroperabilityImport.Outcome {
        let (records, widthProblems) = try InteroperabilityImport.rows(text, header: header)
        let standards = Set(try await StandardRecord.query(on: db).all().map(\.code))
        var problems = widthProblems
        var values: [Ratification] = []
        var seen: [String: Int] = [:]
        for record in records {
            let f = record.fields.map(InteroperabilityImport.unguarded)
            func problem(_ column: Int, _ text: String) {
                problems.append("line \(record.line), column \(column) (\(header[column - 1])): \(text)")
            }
            if !standards.contains(f[0]) { problem(1, "no standard \(f[0].isEmpty ? "(empty)" : f[0]) in the registry") }
            if let p = InteroperabilityRules.nationProblem(f[1]) {
                problem(2, p)
            } else if !AccessPolicy.canEditRatification(person.principal, nation: f[1]) {
                problem(2, "you record ratifications of \(person.user.nation ?? "your nation") only")
            }
            if let p = StandardsRules.ratificationStatusProblem(f[2]) { problem(3, p) }
            var days: [CalendarDay?] = []
            for (column, text) in [(4, f[3]), (5, f[4])] {
                switch StandardsRules.day(text) {
                case .success(let day): days.append(day)
                case .failure(let p):
                    problem(column, p.text)
                    days.append(nil)
                }
            }
            guard let status = Ratification.Status(rawValue: f[2]) else { continue }
            if let p = StandardsRules.implementationProblem(status, implemented: days[1]) { problem(5, p) }
            let key = "\(f[0]) \(f[1])"
            if let first = seen[key] {
                problems.append("line \(record.line): the same standard and nation as line \(first)")
            } else {
                seen[key] = record.line
                values.append(
                    Ratification(standard: f[0], nation: f[1], status: status, plannedImplementation: days[0], implemented: days[1]))
            }
        }
        try InteroperabilityImport.refuse(problems)
        let accepted = values
        return try await db.transaction { tx in
            // A write first, so that the transaction holds SQLite's write lock before it reads (see `apply`).
            try await SQLAccess.sql(tx).raw("UPDATE ratifications SET version = version WHERE 1 = 0").run()
            var created = 0, updated = 0
            let existing = Set(try await RatificationRecord.query(on: tx).all().map { "\($0.standardCode) \($0.nation)" })
            for r in accepted {
                _ = try await RatificationEditor.apply(r, version: nil, requireVersion: false, by: person, now: now, on: tx)
                if existing.contains("\(r.standard) \(r.nation)") { updated += 1 } else { created += 1 }
            }
            return InteroperabilityImport.Outcome(rows: accepted.count, created: created, updated: updated)
        }
    }
}
