import Fluent
import Foundation
import RampartCore
import Vapor

/// Records and withdraws recognitions: the recognising nation's delegates and staff; audited, and the matrix rebuilt
/// in the same transaction.
enum RecognitionEditor {
    static func set(
        nation: String, recognises: String, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> RecognitionRecord {
        try check(nation: nation, recognises: recognises, by: person)
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            if let existing = try await RecognitionRecord.query(on: tx).filter(\.$nation == nation).filter(\.$recognises == recognises)
                .first()
            {
                return existing
            }
            let record = RecognitionRecord(Recognition(nation: nation, recognises: recognises))
            try await record.create(on: tx)
            try await Audit.record(
                person.actor, entity: "recognition", key: "\(nation) recognises \(recognises)", action: "create",
                changes: [.init(field: "recognises", old: "", new: recognises)], at: now, on: tx)
            return record
        }
    }

    static func delete(nation: String, recognises: String, by person: SignedIn, now: Date, on db: any Database) async throws {
        try check(nation: nation, recognises: recognises, by: person)
        try await InterchangeabilityStore.change(now: now, on: db) { tx in
            guard
                let existing = try await RecognitionRecord.query(on: tx).filter(\.$nation == nation).filter(\.$recognises == recognises)
                    .first()
            else { throw Abort(.notFound, reason: "\(nation) does not recognise \(recognises)'s qualifications") }
            try await existing.delete(on: tx)
            try await Audit.record(
                person.actor, entity: "recognition", key: "\(nation) recognises \(recognises)", action: "delete",
                changes: [.init(field: "recognises", old: recognises, new: "")], at: now, on: tx)
        }
    }

    private static func check(nation: String, recognises: String, by person: SignedIn) throws {
        var problems: [String] = []
        if let problem = InteroperabilityRules.nationProblem(nation) { problems.append("nation: \(problem)") }
        if let problem = InteroperabilityRules.nationProblem(recognises) { problems.append("recognises: \(problem)") }
        if let problem = InteroperabilityRules.recognitionProblem(nation: nation, recognises: recognises) {
            problems.append("recognises: \(problem)")
        }
        if !problems.isEmpty { throw InputError(problems: problems, field: problems.first?.split(separator: ":").first.map(String.init)) }
        guard AccessPolicy.canEditRecognition(person.principal, nation: nation) else {
            throw Abort(
                .forbidden, reason: "only \(nation)'s delegates and Alliance staff decide whose qualifications \(nation) recognises")
        }
    }
}
