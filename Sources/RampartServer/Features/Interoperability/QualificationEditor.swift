import Fluent
import Foundation
import RampartCore
import SQLKit
import Vapor

/// A qualification to record: `qualifiedOn` is `YYYY-MM-DD`.
struct QualificationInput: Content, Sendable {
    var item: String?
    var system: String?
    var nation: String?
    var qualifiedOn: String?
}

/// Records and withdraws qualifications: the qualifying nation's delegates and staff; validated, audited, and the
/// matrix rebuilt in the same transaction.
enum QualificationEditor {
    static func create(_ input: QualificationInput, by person: SignedIn, now: Date, on db: any Database) async throws -> QualificationRecord
    {
        let nation = input.nation ?? ""
        if let problem = InteroperabilityRules.nationProblem(nation) { throw InputError("nation", problem) }
        guard AccessPolicy.canEditQualification(person.principal, nation: nation) else {
            throw Abort(.forbidden, reason: "only \(nation)'s delegates and Alliance staff record \(nation)'s qualifications")
        }
        let known = try await KnownCodes.load(on: db)
        let checked = QualificationRow.check(
            item: input.item ?? "", system: input.system ?? "", nation: nation, day: input.qualifiedOn ?? "", known: known)
        let qualification: Qualification
        switch checked {
        case .failure(let found):
            throw InputError(problems: found.list.map { "\($0.field): \($0.problem)" }, field: found.list.first?.field)
        case .success(let value): qualification = value
        }
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            try await apply(qualification, by: person.actor, now: now, on: tx)
        }
    }

    /// Inside a change's transaction: records one qualification, or moves the day of the one recorded; audited.
    static func apply(_ q: Qualification, by actor: Actor, now: Date, on tx: any Database) async throws -> QualificationRecord {
        // Checked again in the transaction: a scenario import may have dropped the item since the request was read.
        guard try await ItemRecord.query(on: tx).filter(\.$code == q.item).filter(\.$kind == "end").first() != nil else {
            throw InputError("item", "\(q.item) is no longer an end item of the scenario")
        }
        let key = "\(q.item) for \(q.system) by \(q.nation)"
        if let existing = try await QualificationRecord.query(on: tx).filter(\.$itemCode == q.item).filter(\.$systemCode == q.system)
            .filter(\.$nation == q.nation).first()
        {
            let old = existing.qualifiedOn
            guard old != q.qualifiedOn.description else { return existing }
            existing.qualifiedOn = q.qualifiedOn.description
            try await existing.save(on: tx)
            try await Audit.record(
                actor, entity: "qualification", key: key, action: "update",
                changes: [.init(field: "qualifiedOn", old: old, new: existing.qualifiedOn)], at: now, on: tx)
            return existing
        }
        let record = QualificationRecord(q)
        try await record.create(on: tx)
        try await Audit.record(
            actor, entity: "qualification", key: key, action: "create",
            changes: [.init(field: "qualifiedOn", old: "", new: record.qualifiedOn)], at: now, on: tx)
        return record
    }

    static func delete(id: UUID, by person: SignedIn, now: Date, on db: any Database) async throws {
        guard AccessPolicy.canReadQualifications(person.principal),
            let record = try await QualificationRecord.find(id, on: db)
        else { throw Abort(.notFound, reason: "no qualification \(id.uuidString) that you may see") }
        guard AccessPolicy.canEditQualification(person.principal, nation: record.nation) else {
            throw Abort(
                .forbidden, reason: "only \(record.nation)'s delegates and Alliance staff withdraw \(record.nation)'s qualifications")
        }
        try await InterchangeabilityStore.change(now: now, on: db) { tx in
            guard let fresh = try await QualificationRecord.find(id, on: tx) else {
                throw Abort(.notFound, reason: "no qualification \(id.uuidString): someone withdrew it first")
            }
            try await fresh.delete(on: tx)
            try await Audit.record(
                person.actor, entity: "qualification", key: fresh.label, action: "delete",
                changes: [.init(field: "qualifiedOn", old: fresh.qualifiedOn, new: "")], at: now, on: tx)
        }
    }
}

/// The codes a qualification or fleet row may name: the scenario's end items (the munitions) and the catalogue's
/// systems.
struct KnownCodes: Sendable {
    var items: Set<String>
    var systems: Set<String>

    static func load(on db: any Database) async throws -> KnownCodes {
        let sql = try SQLAccess.sql(db)
        let items = try await sql.raw("SELECT code FROM items WHERE kind = 'end'").all().map {
            try $0.decode(column: "code", as: String.self)
        }
        let systems = try await sql.raw("SELECT code FROM weapon_systems").all().map { try $0.decode(column: "code", as: String.self) }
        return KnownCodes(items: Set(items), systems: Set(systems))
    }
}

/// One qualification's fields checked against the rules and the known codes: each problem with its field.
enum QualificationRow {
    struct Problem: Error, Sendable, Equatable {
        var field: String
        /// The field's position in a CSV row, from 1.
        var column: Int
        var problem: String
    }

    struct Problems: Error, Sendable, Equatable {
        var list: [Problem]
    }

    static func check(item: String, system: String, nation: String, day: String, known: KnownCodes) -> Result<Qualification, Problems> {
        var problems: [Problem] = []
        if !known.items.contains(item) {
            problems.append(
                Problem(
                    field: "item", column: 1, problem: "\(item.isEmpty ? "(empty)" : item) is not an end item (a munition) of the scenario")
            )
        }
        if !known.systems.contains(system) {
            problems.append(
                Problem(
                    field: "system", column: 2, problem: "\(system.isEmpty ? "(empty)" : system) is not a weapon system of the catalogue"))
        }
        if let problem = InteroperabilityRules.nationProblem(nation) {
            problems.append(Problem(field: "nation", column: 3, problem: problem))
        }
        var qualifiedOn: CalendarDay?
        switch InteroperabilityRules.qualificationDay(day) {
        case .success(let value): qualifiedOn = value
        case .failure(let problem): problems.append(Problem(field: "qualifiedOn", column: 4, problem: problem.text))
        }
        guard problems.isEmpty, let qualifiedOn else { return .failure(Problems(list: problems)) }
        return .success(Qualification(item: item, system: system, nation: nation, qualifiedOn: qualifiedOn))
    }
}
