import Fluent
import Foundation
import RampartCore
import SQLKit
import Vapor

/// A nation's ratification of a standard, set whole (`version`: the one read, when the row exists).
struct RatificationInput: Content, Sendable {
    var status: String?
    /// `YYYY-MM-DD`; absent or empty for none.
    var plannedImplementation: String?
    var implemented: String?
    var version: Int?
}

/// The nations' ratification and implementation rows: each nation's delegates and staff set and withdraw its own;
/// validated, version-checked, audited.
enum RatificationEditor {
    static func set(
        standard: String, nation: String, with input: RatificationInput, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> RatificationRecord {
        let value = try validated(standard: standard, nation: nation, input, by: person)
        guard try await StandardRecord.query(on: db).filter(\.$code == standard).first() != nil else {
            throw Abort(.notFound, reason: "no standard \(standard) in the registry")
        }
        do {
            return try await db.transaction { tx in
                try await apply(value, version: input.version, requireVersion: true, by: person, now: now, on: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InputError(
                "version", "\(nation)'s ratification of \(standard) was recorded at the same moment; reload it", status: .conflict)
        }
    }

    /// The row's values checked against the rules and the person's rights.
    static func validated(standard: String, nation: String, _ input: RatificationInput, by person: SignedIn) throws -> Ratification {
        if let problem = InteroperabilityRules.nationProblem(nation) { throw InputError("nation", problem) }
        guard AccessPolicy.canEditRatification(person.principal, nation: nation) else {
            throw Abort(.forbidden, reason: "only \(nation)'s delegates and Alliance staff record \(nation)'s ratifications")
        }
        var problems: [String] = []
        let statusText = input.status ?? ""
        if let p = StandardsRules.ratificationStatusProblem(statusText) { problems.append("status: \(p)") }
        func day(_ field: String, _ text: String?) -> CalendarDay? {
            switch StandardsRules.day(text ?? "") {
            case .success(let day): return day
            case .failure(let p):
                problems.append("\(field): \(p.text)")
                return nil
            }
        }
        let planned = day("plannedImplementation", input.plannedImplementation)
        let implemented = day("implemented", input.implemented)
        if let status = Ratification.Status(rawValue: statusText),
            let p = StandardsRules.implementationProblem(status, implemented: implemented)
        {
            problems.append("implemented: \(p)")
        }
        try StandardEditor.refuse(problems)
        return Ratification(
            standard: standard, nation: nation, status: Ratification.Status(rawValue: statusText) ?? .notRatified,
            plannedImplementation: planned, implemented: implemented)
    }

    /// Inside a transaction: sets one row and audits it. With `requireVersion`, an existing row needs the version
    /// read (and a new one none); imports set rows whatever they were. Each path writes before it reads: on SQLite a
    /// transaction that reads first cannot take the write lock while another writes, and fails at once.
    static func apply(
        _ r: Ratification, version: Int?, requireVersion: Bool, by person: SignedIn, now: Date, on tx: any Database
    ) async throws -> RatificationRecord {
        let key = "\(r.standard) \(r.nation)"
        if requireVersion, let version, version != 0 {
            guard try await guarded("UPDATE ratifications SET version = version + 1", r.standard, r.nation, version, on: tx) else {
                if let existing = try await row(r, on: tx) { throw InputError.conflict("ratification", current: existing.version) }
                throw InputError("version", "\(r.nation) has no ratification of \(r.standard) yet: send no version to record one")
            }
        } else if requireVersion {
            let record = RatificationRecord(r)
            do {
                try await record.create(on: tx)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw InputError("version", "missing: \(r.nation) has a ratification of \(r.standard) already; send the version you read")
            }
            try await audit(person, key: key, action: "create", before: nil, after: record, now: now, on: tx)
            return record
        }
        guard let existing = try await row(r, on: tx) else {
            let record = RatificationRecord(r)
            try await record.create(on: tx)
            try await audit(person, key: key, action: "create", before: nil, after: record, now: now, on: tx)
            return record
        }
        let before = existing.described
        if !requireVersion { existing.version += 1 } else { existing.version = (version ?? 0) + 1 }
        existing.set(r)
        try await existing.save(on: tx)
        try await audit(person, key: key, action: "update", before: before, after: existing, now: now, on: tx)
        return existing
    }

    private static func row(_ r: Ratification, on tx: any Database) async throws -> RatificationRecord? {
        try await RatificationRecord.query(on: tx).filter(\.$standardCode == r.standard).filter(\.$nation == r.nation).first()
    }

    private static func audit(
        _ person: SignedIn, key: String, action: String, before: [(String, String)]?, after: RatificationRecord, now: Date,
        on tx: any Database
    ) async throws {
        let changes =
            before.map { Audit.diff($0, after.described) } ?? after.described.map { Audit.Change(field: $0.0, old: "", new: $0.1) }
        try await Audit.record(person.actor, entity: "ratification", key: key, action: action, changes: changes, at: now, on: tx)
    }

    static func delete(standard: String, nation: String, version: Int?, by person: SignedIn, now: Date, on db: any Database) async throws {
        if let problem = InteroperabilityRules.nationProblem(nation) { throw InputError("nation", problem) }
        guard AccessPolicy.canEditRatification(person.principal, nation: nation) else {
            throw Abort(.forbidden, reason: "only \(nation)'s delegates and Alliance staff withdraw \(nation)'s ratifications")
        }
        guard let version else { throw InputError("version", "missing: send the version you read, as ?version=N") }
        guard
            let existing = try await RatificationRecord.query(on: db).filter(\.$standardCode == standard).filter(\.$nation == nation)
                .first()
        else { throw Abort(.notFound, reason: "\(nation) has no ratification of \(standard)") }
        try await db.transaction { tx in
            guard try await guarded("DELETE FROM ratifications", standard, nation, version, on: tx) else {
                throw InputError.conflict("ratification", current: existing.version)
            }
            try await Audit.record(
                person.actor, entity: "ratification", key: "\(standard) \(nation)", action: "delete",
                changes: existing.described.map { Audit.Change(field: $0.0, old: $0.1, new: "") }, at: now, on: tx)
        }
    }

    /// The statement on the row if it is still at `version`, as `VersionGuard` does for rows with one key column.
    private static func guarded(
        _ statement: String, _ standard: String, _ nation: String, _ version: Int, on tx: any Database
    ) async throws
        -> Bool
    {
        struct Row: Decodable { var version: Int }
        let query: SQLQueryString =
            "\(unsafeRaw: statement) WHERE standard_code = \(bind: standard) AND nation = \(bind: nation) AND version = \(bind: version) RETURNING version"
        return try await SQLAccess.sql(tx).raw(query).first(decoding: Row.self) != nil
    }
}
