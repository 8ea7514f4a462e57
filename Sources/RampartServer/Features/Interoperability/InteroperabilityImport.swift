import Fluent
import Foundation
import RampartCore
import Vapor

/// CSV imports of qualifications and fleets, laid out as their exports: every bad row is reported with its line and
/// column, and nothing is imported when any row is bad. Rows add to what is recorded (a qualification already
/// recorded takes the file's day; a fleet already recorded takes the file's count); nothing is deleted.
enum InteroperabilityImport {
    static let qualificationHeader = ["item", "system", "nation", "qualified on"]
    static let fleetHeader = ["nation", "system", "count"]
    /// Bad rows listed in one answer, beyond which the count is given.
    static let listedProblems = 200

    struct Outcome: Content, Sendable {
        var rows: Int
        var created: Int
        var updated: Int
    }

    static func qualifications(_ text: String, by person: SignedIn, now: Date, on db: any Database) async throws -> Outcome {
        let (records, widthProblems) = try rows(text, header: qualificationHeader)
        let known = try await KnownCodes.load(on: db)
        var problems = widthProblems
        var values: [Qualification] = []
        var seen: [String: Int] = [:]
        for record in records {
            let f = record.fields.map(unguarded)
            switch QualificationRow.check(item: f[0], system: f[1], nation: f[2], day: f[3], known: known) {
            case .failure(let found):
                problems += found.list.map {
                    "line \(record.line), column \($0.column) (\(qualificationHeader[$0.column - 1])): \($0.problem)"
                }
            case .success(let q):
                if !AccessPolicy.canEditQualification(person.principal, nation: q.nation) {
                    problems.append(
                        "line \(record.line), column 3 (nation): you record qualifications of \(person.user.nation ?? "your nation") only")
                } else if let first = seen["\(q.item) \(q.system) \(q.nation)"] {
                    problems.append("line \(record.line): the same qualification as line \(first)")
                } else {
                    seen["\(q.item) \(q.system) \(q.nation)"] = record.line
                    values.append(q)
                }
            }
        }
        try refuse(problems)
        let accepted = values
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            // Judged again in the transaction (a scenario import may have dropped an item since), and written in
            // batches: an import holds the write lock while it runs.
            let ends = try await KnownCodes.load(on: tx).items
            let gone = accepted.filter { !ends.contains($0.item) }.map(\.item)
            if !gone.isEmpty {
                throw InputError("item", "no longer end items of the scenario: \(Set(gone).sorted().joined(separator: ", "))")
            }
            var existing: [String: QualificationRecord] = [:]
            for record in try await QualificationRecord.query(on: tx).all() { existing[record.label] = record }
            var created: [QualificationRecord] = []
            var audits: [AuditRecord] = []
            for q in accepted {
                let record = QualificationRecord(q)
                if let stored = existing[record.label] {
                    guard stored.qualifiedOn != record.qualifiedOn else { continue }
                    let old = stored.qualifiedOn
                    stored.qualifiedOn = record.qualifiedOn
                    try await stored.save(on: tx)
                    audits.append(
                        try Audit.entry(
                            person.actor, entity: "qualification", key: record.label, action: "update",
                            changes: [.init(field: "qualifiedOn", old: old, new: record.qualifiedOn)], at: now))
                } else {
                    created.append(record)
                    audits.append(
                        try Audit.entry(
                            person.actor, entity: "qualification", key: record.label, action: "create",
                            changes: [.init(field: "qualifiedOn", old: "", new: record.qualifiedOn)], at: now))
                }
            }
            try await ScenarioStore.insert(created, on: tx)
            try await ScenarioStore.insert(audits, on: tx)
            return Outcome(rows: accepted.count, created: created.count, updated: accepted.count - created.count)
        }
    }

    static func fleets(_ text: String, by person: SignedIn, now: Date, on db: any Database) async throws -> Outcome {
        let (records, widthProblems) = try rows(text, header: fleetHeader)
        let known = try await KnownCodes.load(on: db)
        var problems = widthProblems
        var values: [FleetEditor.FleetRow] = []
        var seen: [String: Int] = [:]
        for record in records {
            let f = record.fields.map(unguarded)
            var bad: [String] = []
            if let problem = InteroperabilityRules.nationProblem(f[0]) {
                bad.append("line \(record.line), column 1 (nation): \(problem)")
            } else if !AccessPolicy.canEditFleet(person.principal, nation: f[0]) {
                bad.append("line \(record.line), column 1 (nation): you record the fleets of \(person.user.nation ?? "your nation") only")
            }
            if !known.systems.contains(f[1]) {
                bad.append(
                    "line \(record.line), column 2 (system): \(f[1].isEmpty ? "(empty)" : f[1]) is not a weapon system of the catalogue")
            }
            let count = Int(f[2].trimmingCharacters(in: .whitespaces))
            if let problem = count.map(InteroperabilityRules.fleetProblem) ?? "must be a whole number from 0 to 100,000" {
                bad.append("line \(record.line), column 3 (count): \(problem)")
            }
            if bad.isEmpty, let count {
                if let first = seen["\(f[0]) \(f[1])"] {
                    bad.append("line \(record.line): the same fleet as line \(first)")
                } else {
                    seen["\(f[0]) \(f[1])"] = record.line
                    values.append(FleetEditor.FleetRow(nation: f[0], system: f[1], count: count))
                }
            }
            problems += bad
        }
        try refuse(problems)
        let accepted = values
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            let before = try await FleetRecord.query(on: tx).count()
            for row in accepted { _ = try await FleetEditor.apply(row, version: nil, requireVersion: false, by: person, now: now, on: tx) }
            let created = try await FleetRecord.query(on: tx).count() - before
            return Outcome(rows: accepted.count, created: created, updated: accepted.count - created)
        }
    }

    /// The data rows under the expected header that have as many fields as it, and a problem for each that has not
    /// (its other fields are not judged, the rest of the file is).
    static func rows(_ text: String, header: [String]) throws -> (records: [CSVRecords.Record], problems: [String]) {
        let parsed: CSVRecords
        switch CSVRecords.read(text) {
        case .failure(let malformed): throw InputError(problems: ["file: \(malformed.description)"], field: "file")
        case .success(let value): parsed = value
        }
        guard let first = parsed.records.first else {
            throw InputError("file", "is empty; the first line names the columns: \(header.joined(separator: ","))")
        }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names == header else {
            throw InputError("file", "line 1 must name the columns \(header.joined(separator: ",")), in that order")
        }
        var records: [CSVRecords.Record] = []
        var problems: [String] = []
        for record in parsed.records.dropFirst() {
            if record.fields.count < header.count {
                let column = record.fields.count + 1
                problems.append(
                    "line \(record.line), column \(column) (\(header[column - 1])): missing; the header names \(header.count) columns")
            } else if record.fields.count > header.count {
                problems.append("line \(record.line), column \(header.count + 1): a field beyond the header's \(header.count) columns")
            } else {
                records.append(record)
            }
        }
        return (records, problems)
    }

    /// Refuses the file when any row is bad, listing the problems in line order.
    static func refuse(_ found: [String]) throws {
        guard !found.isEmpty else { return }
        func line(_ problem: String) -> Int { Int(problem.dropFirst(5).prefix { $0.isNumber }) ?? 0 }
        let problems = found.enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }.map(\.element)
        var listed = Array(problems.prefix(listedProblems))
        if problems.count > listedProblems { listed.append("and \(problems.count - listedProblems) more problems; nothing was imported") }
        throw InputError(problems: listed, field: "file")
    }

    /// A field as the exports wrote it: text a spreadsheet would run as a formula was written after a `'`.
    static func unguarded(_ field: String) -> String {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("'"), let next = trimmed.dropFirst().first, "=+-@".contains(next) else { return trimmed }
        return String(trimmed.dropFirst())
    }
}
