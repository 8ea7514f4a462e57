import Fluent
import RampartCore
import Vapor

/// Staff's tables as CSV, all pages, in the pages' order and with their columns: accounts, the audit trail (one row
/// per changed field) and the jobs.
struct AdminCSV: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminUsersCSV, use: users)
        routes.get(.auditCSV, use: audit)
        routes.get(.adminJobsCSV, use: jobs)
    }

    /// Rows read this many at a time, so a long trail is never one query's result.
    static let chunk = 5_000

    @Sendable func users(req: Request) async throws -> Response {
        _ = try req.require(AccessPolicy.canAdministerAccounts)
        let rows = try await AdminPages.usersModel(on: req.db).rows
        let table = CSVTable(
            header: ["email", "name", "role", "nation", "company", "verified"],
            rows: rows.map {
                [
                    .text($0.email), .text($0.displayName), .text($0.role.rawValue), .text($0.nation ?? ""), .text($0.company ?? ""),
                    .text($0.verified ? "yes" : "no"),
                ]
            })
        return CSVDownload.response(table, filename: "accounts.csv")
    }

    @Sendable func audit(req: Request) async throws -> Response {
        _ = try req.require(AccessPolicy.canReadAudit)
        let calendar = try await ScenarioSettingsRecord.calendar(on: req.db)
        var rows: [[CSVTable.Cell]] = []
        var page = 1
        while true {
            let result = try await AuditRecord.query(on: req.db).sort(\.$at, .descending).sort(\.$id)
                .paginate(PageRequest(page: page, per: Self.chunk))
            for entry in result.items {
                let row = AdminPages.auditRow(entry, calendar: calendar)
                let head: [CSVTable.Cell] = [.text(row.at), .text(row.actor), .text(row.entity), .text(row.key), .text(row.action)]
                if row.changes.isEmpty { rows.append(head + [.text(""), .text(""), .text("")]) }
                for change in row.changes { rows.append(head + [.text(change.field), .text(change.old), .text(change.new)]) }
            }
            if page >= result.metadata.pageCount { break }
            page += 1
        }
        let table = CSVTable(header: ["at", "actor", "record", "key", "action", "field", "before", "after"], rows: rows)
        return CSVDownload.response(table, filename: "audit-trail.csv")
    }

    @Sendable func jobs(req: Request) async throws -> Response {
        _ = try req.require(AccessPolicy.canReadJobs)
        let jobs = try await JobRecord.query(on: req.db).sort(\.$createdAt, .descending).all()
        let table = CSVTable(
            header: ["kind", "status", "phase", "progress", "attempts", "of", "subject", "created", "started", "finished", "error"],
            rows: jobs.map(AdminPages.jobRow).map {
                [
                    .text($0.kind), .text($0.status.rawValue), .text($0.phase), .number($0.progress), .integer($0.attempts),
                    .integer($0.maxAttempts), .text($0.subject.map { "\($0.type) \($0.key)" } ?? ""), .text($0.createdAt),
                    .text($0.startedAt ?? ""), .text($0.finishedAt ?? ""), .text($0.error ?? ""),
                ]
            })
        return CSVDownload.response(table, filename: "jobs.csv")
    }
}
