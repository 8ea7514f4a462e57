import Fluent
import Foundation
import RampartCore
import Vapor

/// A change to a line's or supply's lead time and capacity schedule.
struct SourcePatch: Content, Sendable {
    struct Step: Codable, Sendable {
        var from: Int
        var perMonth: Double
    }

    var leadTimeMonths: Int?
    var capacity: [Step]?
    var version: Int
}

/// Changes a company's line or supply: only that company and staff; validated, locked, audited.
enum SourceEditor {
    /// The line or supply, when `person` may change it: 404 when they may not see it, 403 when they may only read it.
    static func editable(_ code: String, by person: SignedIn, on db: any Database) async throws -> SourceRecord {
        guard let source = try await SourceRecord.query(on: db).filter(\.$code == code).first(),
            AccessPolicy.canReadSource(person.principal, company: source.company)
        else { throw Abort(.notFound, reason: "no line or supply \(code) that you may see") }
        guard AccessPolicy.canEditSource(person.principal, company: source.company) else {
            throw Abort(.forbidden, reason: "only \(source.company) and Alliance staff change this \(source.kind)")
        }
        return source
    }

    static func update(
        _ code: String, with patch: SourcePatch, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> SourceRecord {
        let source = try await editable(code, by: person, on: db)
        let horizon = try await ScenarioSettingsRecord.query(on: db).first()?.horizonMonths ?? 0
        var problems: [String] = []
        if let lead = patch.leadTimeMonths, let problem = FieldRules.leadTimeProblem(lead) { problems.append("leadTimeMonths: \(problem)") }
        if let steps = patch.capacity {
            for (index, step) in steps.enumerated() {
                if let problem = FieldRules.monthProblem(step.from, horizon: max(horizon, 1)) {
                    problems.append("capacity[\(index)].from: \(problem); a month of the horizon is 0 to \(max(horizon, 1) - 1)")
                }
                if let problem = FieldRules.capacityProblem(step.perMonth) { problems.append("capacity[\(index)].perMonth: \(problem)") }
            }
            if Set(steps.map(\.from)).count != steps.count { problems.append("capacity: two steps start in the same month") }
        }
        if !problems.isEmpty { throw InputError(problems: problems) }

        return try await db.transaction { tx in
            guard try await VersionGuard.bump("sources", keyColumn: "code", key: code, expected: patch.version, on: tx) else {
                throw InputError.conflict(source.kind, current: source.version)
            }
            let oldSteps = try await CapacityStepRecord.query(on: tx).filter(\.$sourceCode == code).sort(\.$fromMonth).all()
            let before = [
                ("leadTimeMonths", "\(source.leadTimeMonths)"), ("capacity", describe(oldSteps.map { ($0.fromMonth, $0.perMonth) })),
            ]
            if let lead = patch.leadTimeMonths { source.leadTimeMonths = lead }
            source.version = patch.version + 1
            try await source.save(on: tx)
            var newSteps = oldSteps.map { ($0.fromMonth, $0.perMonth) }
            if let steps = patch.capacity {
                try await CapacityStepRecord.query(on: tx).filter(\.$sourceCode == code).delete()
                let sorted = steps.sorted { $0.from < $1.from }
                try await ScenarioStore.insert(
                    sorted.map { CapacityStepRecord(sourceCode: code, fromMonth: $0.from, perMonth: $0.perMonth) }, on: tx)
                newSteps = sorted.map { ($0.from, $0.perMonth) }
            }
            let after = [("leadTimeMonths", "\(source.leadTimeMonths)"), ("capacity", describe(newSteps))]
            try await Audit.record(
                person.actor, entity: source.kind, key: code, action: "update",
                changes: Audit.diff(before, after), at: now, on: tx)
            return source
        }
    }

    /// A capacity schedule as the audit trail stores it: "from:perMonth" pairs (the pages write it in calendar months).
    static func describe(_ steps: [(Int, Double)]) -> String {
        steps.map { "\($0.0):\(PlainNumber.text($0.1))" }.joined(separator: ", ")
    }

    /// A capacity schedule as people read it: "from 2026-01, 11,667 a month; from 2027-01, 29,167 a month".
    static func describe(_ steps: [(Int, Double)], calendar: MonthCalendar?) -> String {
        guard !steps.isEmpty else { return "no capacity" }
        return steps.map { "from \(calendar?.label($0.0) ?? "month \($0.0)"), \(Format.units($0.1)) a month" }.joined(separator: "; ")
    }
}
