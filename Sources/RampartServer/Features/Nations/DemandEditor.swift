import Fluent
import Foundation
import RampartCore
import Vapor

/// A change to one demand, as the form and the API send it. Nil fields stay as they are.
struct DemandPatch: Content, Sendable {
    var qty: Double?
    var dueMonth: Int?
    var priority: Int?
    var released: Bool?
    var firm: Bool?
    var version: Int
}

/// Changes a nation's demand: need-to-know, validation, optimistic locking and the audit trail.
enum DemandEditor {
    /// The demand, when `person` may change it: 404 when they may not even see it, 403 when they may only read it.
    static func editable(_ code: String, by person: SignedIn, on db: any Database) async throws -> DemandRecord {
        guard let demand = try await DemandRecord.query(on: db).filter(\.$code == code).first(),
            AccessPolicy.canReadDemand(person.principal, nation: demand.nation, released: demand.released)
        else { throw Abort(.notFound, reason: "no demand \(code) that you may see") }
        guard AccessPolicy.canEditDemands(person.principal, nation: demand.nation) else {
            throw Abort(.forbidden, reason: "only \(demand.nation)'s delegates and Alliance staff change this demand")
        }
        return demand
    }

    static func update(
        _ code: String, with patch: DemandPatch, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> DemandRecord {
        let demand = try await editable(code, by: person, on: db)
        let horizon = try await ScenarioSettingsRecord.query(on: db).first()?.horizonMonths ?? 0
        let problems = problems(qty: patch.qty, dueMonth: patch.dueMonth, priority: patch.priority, horizon: horizon)
        if !problems.isEmpty {
            throw InputError(problems: problems, field: problems.count == 1 ? String(problems[0].prefix { $0 != ":" }) : nil)
        }

        return try await db.transaction { tx in
            guard try await VersionGuard.bump("demands", keyColumn: "code", key: code, expected: patch.version, on: tx) else {
                throw InputError.conflict("demand", current: demand.version)
            }
            let before = fields(demand)
            if let qty = patch.qty { demand.qty = qty }
            if let due = patch.dueMonth { demand.dueMonth = due }
            if let priority = patch.priority { demand.priority = priority }
            if let released = patch.released { demand.released = released }
            if let firm = patch.firm { demand.firm = firm }
            demand.version = patch.version + 1
            try await demand.save(on: tx)
            try await DemandState.advance(on: tx)
            try await Audit.record(
                person.actor, entity: "demand", key: code, action: "update",
                changes: Audit.diff(before, fields(demand)), at: now, on: tx)
            return demand
        }
    }

    /// What is wrong with these values of a demand (nil: not given), each as "field: problem", by the contract's rules.
    static func problems(qty: Double?, dueMonth: Int?, priority: Int?, horizon: Int) -> [String] {
        var problems: [String] = []
        if let qty, let problem = FieldRules.quantityProblem(qty, positive: true) { problems.append("qty: \(problem)") }
        if let dueMonth, let problem = FieldRules.monthProblem(dueMonth, horizon: max(horizon, 1)) {
            problems.append("dueMonth: \(problem); a month of the horizon is 0 to \(max(horizon, 1) - 1)")
        }
        if let priority, let problem = FieldRules.priorityProblem(priority) { problems.append("priority: \(problem)") }
        return problems
    }

    static func fields(_ d: DemandRecord) -> [(String, String)] {
        [
            ("qty", "\(d.qty)"), ("dueMonth", "\(d.dueMonth)"), ("priority", "\(d.priority)"), ("released", "\(d.released)"),
            ("firm", "\(d.firm)"),
        ]
    }
}
