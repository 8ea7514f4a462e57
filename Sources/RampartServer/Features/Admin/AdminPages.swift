import Fluent
import Plot
import RampartCore
import Vapor

/// Staff only: accounts and their roles, the audit trail, and the job queue.
struct AdminPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminUsers, use: users)
        routes.post(.adminUser(id: .any), use: assignRole)
        routes.get(.audit, use: audit)
        routes.get(.adminJobs, use: jobs)
    }

    @Sendable func users(req: Request) async throws -> HTML {
        _ = try req.require(AccessPolicy.canAdministerAccounts)
        return UsersAdminPage.render(req.pageContext(title: "Accounts"), try await Self.usersModel(on: req.db))
    }

    @Sendable func assignRole(req: Request) async throws -> Response {
        struct Form: Content { var role: String?; var nation: String?; var company: String?; var version: String? }
        let person = try req.require(AccessPolicy.canAdministerAccounts)
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no such account") }
        let form = try req.content.decode(Form.self)
        guard let role = Role(rawValue: form.role ?? "") else {
            throw InputError("role", "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let version = FormNumber.integer(form.version) else { throw InputError("version", "missing; reload the page") }
        do {
            let account = try await UserRoleEditor.update(
                id, with: RolePatch(role: role, nation: form.nation, company: form.company, version: version),
                by: person, now: req.now, on: req.db)
            let boundTo = account.nation ?? account.company
            return FlashNotice.redirect(
                req, to: .adminUsers, saying: "\(account.email) is now \(role.label.lowercased())\(boundTo.map { " (\($0))" } ?? "").")
        } catch let error as InputError {
            let page = UsersAdminPage.render(
                req.pageContext(title: "Accounts", notice: error.description), try await Self.usersModel(on: req.db))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }

    static func usersModel(on db: any Database) async throws -> UsersAdminPage.Model {
        let users = try await UserRecord.query(on: db).sort(\.$email).all()
        let nations = try await NationRecord.query(on: db).sort(\.$code).all().map(\.code)
        let companies = try await CompanyRecord.query(on: db).sort(\.$name).all().map(\.name)
        let rows = users.map { user in
            UsersAdminPage.UserRow(
                id: user.id?.uuidString ?? "", email: user.email, displayName: user.displayName,
                role: Role(rawValue: user.role) ?? .observer, nation: user.nation, company: user.company,
                verified: user.verified, version: user.version)
        }
        return UsersAdminPage.Model(rows: rows, nations: nations, companies: companies)
    }

    @Sendable func audit(req: Request) async throws -> HTML {
        _ = try req.require(AccessPolicy.canReadAudit)
        let page = try req.pageNumber
        let result = try await AuditRecord.query(on: req.db).sort(\.$at, .descending).paginate(PageRequest(page: page, per: 50))
        let calendar = try await ScenarioSettingsRecord.calendar(on: req.db)
        let rows = result.items.map { Self.auditRow($0, calendar: calendar) }
        return AuditPage.render(
            req.pageContext(title: "Audit trail"),
            .init(rows: rows, page: page, pageCount: max(1, result.metadata.pageCount)))
    }

    /// An audit entry as the trail shows it: values formatted as on the pages.
    static func auditRow(_ entry: AuditRecord, calendar: MonthCalendar?) -> AuditPage.AuditRow {
        AuditPage.AuditRow(
            at: Timestamps.text(entry.at), actor: entry.actor, entity: entry.entity, key: entry.entityKey,
            action: entry.action,
            changes: Audit.decodeChanges(entry.changes).map {
                AuditPage.FieldChange(
                    field: AuditValues.label($0.field), old: AuditValues.value($0.field, $0.old, calendar: calendar),
                    new: AuditValues.value($0.field, $0.new, calendar: calendar))
            })
    }

    static func jobRow(_ job: JobRecord) -> JobsPage.JobRow {
        JobsPage.JobRow(
            kind: job.kind, status: job.status, progress: job.progress, phase: job.phase, attempts: job.attempts,
            maxAttempts: job.maxAttempts, worker: job.worker, subject: JobKinds.subject(of: job),
            createdAt: job.createdAt.map(Timestamps.text) ?? "", startedAt: job.startedAt.map(Timestamps.text),
            finishedAt: job.finishedAt.map(Timestamps.text), error: job.error)
    }

    @Sendable func jobs(req: Request) async throws -> HTML {
        _ = try req.require(AccessPolicy.canReadJobs)
        let page = try req.pageNumber
        let result = try await JobRecord.query(on: req.db).sort(\.$createdAt, .descending)
            .paginate(PageRequest(page: page, per: 50))
        let rows = result.items.map(Self.jobRow)
        return JobsPage.render(
            req.pageContext(title: "Jobs"),
            .init(
                rows: rows, counts: try await JobCounts.byStatus(on: req.db), page: page,
                pageCount: max(1, result.metadata.pageCount)))
    }
}
