import Fluent
import Foundation
import RampartCore
import Vapor

/// A new standard, or a change to one (absent fields stay; `version` is the one read).
struct StandardInput: Content, Sendable {
    var code: String?
    var edition: String?
    var title: String?
    var domain: String?
    var status: String?
    /// The standard that replaced it; empty to clear.
    var supersededBy: String?
    var version: Int?
}

/// The registry's standards: staff add and change them; validated, version-checked, audited.
enum StandardEditor {
    static func create(_ input: StandardInput, by person: SignedIn, now: Date, on db: any Database) async throws -> StandardRecord {
        try refuseUnlessStaff(person)
        let code = (input.code ?? "").trimmingCharacters(in: .whitespaces)
        var problems = StandardsRules.codeProblem(code).map { ["code: \($0)"] } ?? []
        let known = Set(try await StandardRecord.query(on: db).all().map(\.code))
        let standard = validated(code: code, input, base: nil, known: known, problems: &problems)
        try refuse(problems)
        do {
            return try await db.transaction { tx in
                let record = StandardRecord(standard)
                try await record.create(on: tx)
                try await Audit.record(
                    person.actor, entity: "standard", key: code, action: "create",
                    changes: describe(record).map { Audit.Change(field: $0.0, old: "", new: $0.1) }, at: now, on: tx)
                return record
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InputError("code", "a standard \(code) is in the registry already; change it instead", status: .conflict)
        }
    }

    static func update(
        _ code: String, with input: StandardInput, by person: SignedIn, now: Date, on db: any Database
    ) async throws
        -> StandardRecord
    {
        guard let record = try await StandardRecord.query(on: db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no standard \(code) in the registry")
        }
        try refuseUnlessStaff(person)
        guard let version = input.version else { throw InputError("version", "missing: send the version you read") }
        var problems: [String] = []
        if let sent = input.code, sent != code { problems.append("code: a standard's code does not change; add a new standard instead") }
        let known = Set(try await StandardRecord.query(on: db).all().map(\.code))
        let standard = validated(code: code, input, base: record.value, known: known, problems: &problems)
        try refuse(problems)
        return try await db.transaction { tx in
            guard try await VersionGuard.bump(StandardRecord.schema, keyColumn: "code", key: code, expected: version, on: tx),
                let fresh = try await StandardRecord.query(on: tx).filter(\.$code == code).first()
            else {
                let current = try await StandardRecord.query(on: tx).filter(\.$code == code).first()?.version ?? record.version
                throw InputError.conflict("standard", current: current)
            }
            let before = describe(fresh)
            fresh.set(standard)
            try await fresh.save(on: tx)
            try await Audit.record(
                person.actor, entity: "standard", key: code, action: "update", changes: Audit.diff(before, describe(fresh)), at: now,
                on: tx)
            return fresh
        }
    }

    private static func validated(
        code: String, _ input: StandardInput, base: Standard?, known: Set<String>, problems: inout [String]
    ) -> Standard {
        let edition = input.edition ?? base?.edition ?? ""
        let title = input.title ?? base?.title ?? ""
        let domain = input.domain ?? base?.domain ?? ""
        let statusText = input.status ?? base?.status.rawValue ?? ""
        let by = input.supersededBy.map { $0.trimmingCharacters(in: .whitespaces) } ?? base?.supersededBy
        if let p = StandardsRules.editionProblem(edition) { problems.append("edition: \(p)") }
        if let p = StandardsRules.titleProblem(title) { problems.append("title: \(p)") }
        if let p = StandardsRules.domainProblem(domain) { problems.append("domain: \(p)") }
        let status = Standard.Status(rawValue: statusText)
        if let p = StandardsRules.statusProblem(statusText) { problems.append("status: \(p)") }
        if let status, let p = StandardsRules.supersededProblem(status: status, by: by, code: code, known: known) {
            problems.append("supersededBy: \(p)")
        }
        return Standard(
            code: code, edition: edition, title: title, domain: domain, status: status ?? .draft,
            supersededBy: by.flatMap { $0.isEmpty ? nil : $0 })
    }

    static func refuseUnlessStaff(_ person: SignedIn) throws {
        guard AccessPolicy.canEditStandards(person.principal) else {
            throw Abort(.forbidden, reason: "only Alliance staff maintain the standards registry")
        }
    }

    static func refuse(_ problems: [String]) throws {
        if !problems.isEmpty { throw InputError(problems: problems, field: problems.first?.split(separator: ":").first.map(String.init)) }
    }

    private static func describe(_ r: StandardRecord) -> [(String, String)] {
        [("edition", r.edition), ("title", r.title), ("domain", r.domain), ("status", r.status), ("supersededBy", r.supersededBy ?? "")]
    }
}
