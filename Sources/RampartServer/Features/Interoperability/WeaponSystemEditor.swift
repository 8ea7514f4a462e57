import Fluent
import Foundation
import RampartCore
import Vapor

/// A new weapon system, or a change to one (absent fields stay; `version` is the one read).
struct WeaponSystemInput: Content, Sendable {
    var code: String?
    var name: String?
    var kind: String?
    var calibre: String?
    var version: Int?
}

/// The catalogue of weapon systems: staff add and change them; validated, version-checked, audited.
enum WeaponSystemEditor {
    static func create(_ input: WeaponSystemInput, by person: SignedIn, now: Date, on db: any Database) async throws -> WeaponSystemRecord {
        guard AccessPolicy.canEditWeaponSystems(person.principal) else {
            throw Abort(.forbidden, reason: "only Alliance staff maintain the catalogue of weapon systems")
        }
        var problems: [String] = []
        let code = input.code ?? ""
        if let problem = InteroperabilityRules.systemCodeProblem(code) { problems.append("code: \(problem)") }
        let system = try validated(code: code, input, base: nil, problems: &problems)
        if !problems.isEmpty { throw InputError(problems: problems, field: problems.first?.split(separator: ":").first.map(String.init)) }
        // The catalogue's names, kinds and calibres are no part of the matrix: no rebuild.
        return try await db.transaction { tx in
            let taken = try await WeaponSystemRecord.query(on: tx).all().map(\.code).first { $0.lowercased() == code.lowercased() }
            if let taken {
                throw InputError("code", "a weapon system \(taken) exists already; change it instead", status: .conflict)
            }
            let record = WeaponSystemRecord(system)
            try await record.create(on: tx)
            try await Audit.record(
                person.actor, entity: "weapon system", key: code, action: "create",
                changes: Audit.diff([("name", ""), ("kind", ""), ("calibre", "")], describe(record)), at: now, on: tx)
            return record
        }
    }

    static func update(
        _ code: String, with input: WeaponSystemInput, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> WeaponSystemRecord {
        guard let record = try await WeaponSystemRecord.query(on: db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no weapon system \(code)")
        }
        guard AccessPolicy.canEditWeaponSystems(person.principal) else {
            throw Abort(.forbidden, reason: "only Alliance staff maintain the catalogue of weapon systems")
        }
        guard let version = input.version else { throw InputError("version", "missing: send the version you read") }
        var problems: [String] = []
        if let sent = input.code, sent != code { problems.append("code: a system's code does not change; add a new system instead") }
        let system = try validated(code: code, input, base: record.value, problems: &problems)
        if !problems.isEmpty { throw InputError(problems: problems, field: problems.first?.split(separator: ":").first.map(String.init)) }
        // A calibre is part of the matrix's lines (the lists filter on it): rebuilt.
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            guard try await VersionGuard.bump(WeaponSystemRecord.schema, keyColumn: "code", key: code, expected: version, on: tx) else {
                let current = try await WeaponSystemRecord.query(on: tx).filter(\.$code == code).first()?.version ?? record.version
                throw InputError.conflict("weapon system", current: current)
            }
            guard let fresh = try await WeaponSystemRecord.query(on: tx).filter(\.$code == code).first() else {
                throw Abort(.notFound, reason: "no weapon system \(code)")
            }
            let before = describe(fresh)
            fresh.name = system.name
            fresh.kind = system.kind.rawValue
            fresh.calibre = system.calibre
            try await fresh.save(on: tx)
            try await Audit.record(
                person.actor, entity: "weapon system", key: code, action: "update", changes: Audit.diff(before, describe(fresh)),
                at: now, on: tx)
            return fresh
        }
    }

    private static func validated(
        code: String, _ input: WeaponSystemInput, base: WeaponSystem?, problems: inout [String]
    ) throws -> WeaponSystem {
        let name = input.name ?? base?.name ?? ""
        let kindText = input.kind ?? base?.kind.rawValue ?? ""
        let calibre = (input.calibre ?? base?.calibre ?? "").trimmingCharacters(in: .whitespaces)
        if let problem = InteroperabilityRules.systemNameProblem(name) { problems.append("name: \(problem)") }
        if let problem = InteroperabilityRules.kindProblem(kindText) { problems.append("kind: \(problem)") }
        if let problem = InteroperabilityRules.calibreProblem(calibre) { problems.append("calibre: \(problem)") }
        return WeaponSystem(code: code, name: name, kind: WeaponSystem.Kind(rawValue: kindText) ?? .other, calibre: calibre)
    }

    private static func describe(_ r: WeaponSystemRecord) -> [(String, String)] {
        [("name", r.name), ("kind", r.kind), ("calibre", r.calibre)]
    }
}
