import Fluent
import Plot
import RampartCore
import Vapor

/// `/standards`, `/standards/{code}` and `/standardisation`: the registry, one standard, and the metrics.
struct StandardsPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.standards, use: list)
        routes.post(.standards, use: create)
        routes.get(.standardsCSV, use: standardsCSV)
        routes.get(.ratificationsCSV, use: ratificationsCSV)
        routes.post(.ratificationsImport, use: importRatifications)
        routes.get(.standard(.any), use: show)
        routes.post(.standard(.any), use: update)
        routes.post(.standardRatification(.any), use: setRatification)
        routes.post(.standardRatificationWithdraw(.any), use: withdrawRatification)
        routes.post(.standardItems(.any), use: addItem)
        routes.post(.standardItemWithdraw(.any), use: removeItem)
        routes.get(.standardisation, use: metrics)
    }

    @Sendable func list(req: Request) async throws -> HTML {
        try await listPage(req, errors: [])
    }

    private func listPage(_ req: Request, errors: [String]) async throws -> HTML {
        let person = try req.requireSignedIn()
        let query = errors.isEmpty ? try TableQuery(req, StandardsPage.spec) : TableQuery(sort: "code", descending: false)
        let registry = try await StandardsReads.registry(on: req.db)
        let allies = Set(Alliance.allies(on: Self.today(req)).map(\.code))
        let rows = registry.standards.filter { query.filters["status"] == nil || $0.status == query.filters["status"] }.map { s in
            StandardsPage.Row(
                code: s.code, edition: s.edition, title: s.title, domain: s.domain, status: s.value.status.label,
                supersededBy: s.supersededBy, items: registry.items(of: s.code).count,
                ratified: registry.ratifications(of: s.code).filter { allies.contains($0.nation) && $0.value.status.isRatified }.count)
        }
        return StandardsPage.render(
            req.pageContext(title: "Standards"),
            .init(
                rows: rows, query: query,
                summary: TableCount.text(
                    shown: rows.count, matching: rows.count, all: registry.standards.count, noun: ("standard", "standards"),
                    narrowed: query.isNarrowed),
                allies: allies.count, canAdd: AccessPolicy.canEditStandards(person.principal),
                canImport: person.principal.isStaff || person.principal.role == .delegate, errors: errors))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        do {
            let record = try await StandardEditor.create(
                StandardInput(
                    code: form["code"], edition: form["edition"], title: form["title"], domain: form["domain"], status: form["status"],
                    supersededBy: form["supersededBy"]), by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(req, to: .standard(record.code), saying: "\(record.code) added to the registry.")
        } catch let error as InputError {
            return try await listPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func standardsCSV(req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        let registry = try await StandardsReads.registry(on: req.db)
        let rows: [[CSVTable.Cell]] = registry.standards.map { s in
            [
                .text(s.code), .text(s.edition), .text(s.title), .text(s.domain), .text(s.status), .text(s.supersededBy ?? ""),
                .text(registry.items(of: s.code).joined(separator: " ")),
            ]
        }
        return CSVDownload.response(
            CSVTable(header: ["standard", "edition", "title", "domain", "status", "superseded by", "conforming items"], rows: rows),
            filename: "standards.csv")
    }

    @Sendable func ratificationsCSV(req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        let rows: [[CSVTable.Cell]] = try await RatificationRecord.query(on: req.db).sort(\.$standardCode).sort(\.$nation).all().map { r in
            [.text(r.standardCode), .text(r.nation), .text(r.status), .text(r.plannedOn ?? ""), .text(r.implementedOn ?? "")]
        }
        return CSVDownload.response(CSVTable(header: RatificationImport.header, rows: rows), filename: "ratifications.csv")
    }

    @Sendable func importRatifications(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        do {
            let outcome = try await RatificationImport.run(
                try InteroperabilityPages.uploadedText(req), by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(
                req, to: .standards, saying: "\(outcome.rows) ratifications imported: \(outcome.created) new, \(outcome.updated) changed.")
        } catch let error as InputError {
            return try await listPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTML {
        try await standardPage(req, errors: [])
    }

    private func standardPage(_ req: Request, errors: [String]) async throws -> HTML {
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        guard let record = try await StandardRecord.query(on: req.db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no standard \(code) in the registry")
        }
        let registry = try await StandardsReads.registry(on: req.db)
        return StandardPage.render(
            req.pageContext(title: code),
            .init(
                standard: record.value, version: record.version,
                ratifications: registry.ratifications(of: code).map { r in
                    StandardPage.RatificationRow(
                        nation: r.nation, status: r.value.status.label, planned: r.plannedOn ?? "–", implemented: r.implementedOn ?? "–",
                        version: r.version, editable: AccessPolicy.canEditRatification(person.principal, nation: r.nation))
                },
                items: registry.items(of: code), canEdit: AccessPolicy.canEditStandards(person.principal),
                ownNations: InteroperabilityPages.ownNations(person), errors: errors))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        let code = req.parameter(.code)
        return try await acting(req, code) {
            _ = try await StandardEditor.update(
                code,
                with: StandardInput(
                    edition: form["edition"], title: form["title"], domain: form["domain"], status: form["status"],
                    supersededBy: form["supersededBy"], version: FormNumber.integer(form["version"])), by: person, now: req.now, on: req.db)
            return "\(code) saved."
        }
    }

    @Sendable func setRatification(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        let code = req.parameter(.code), nation = form["nation"] ?? ""
        return try await acting(req, code) {
            let existing = try await RatificationRecord.query(on: req.db).filter(\.$standardCode == code).filter(\.$nation == nation)
                .first()
            _ = try await RatificationEditor.set(
                standard: code, nation: nation,
                with: RatificationInput(
                    status: form["ratification_status"], plannedImplementation: form["planned"], implemented: form["implemented"],
                    version: existing?.version), by: person, now: req.now, on: req.db)
            return "\(Alliance.name(of: nation))'s ratification of \(code) saved."
        }
    }

    @Sendable func withdrawRatification(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        let code = req.parameter(.code), nation = form["nation"] ?? ""
        return try await acting(req, code) {
            try await RatificationEditor.delete(
                standard: code, nation: nation, version: FormNumber.integer(form["version"]), by: person, now: req.now, on: req.db)
            return "\(Alliance.name(of: nation))'s ratification of \(code) withdrawn."
        }
    }

    @Sendable func addItem(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let item = (try req.content.decode([String: String].self)["item"] ?? "").trimmingCharacters(in: .whitespaces)
        let code = req.parameter(.code)
        return try await acting(req, code) {
            try await ConformanceEditor.add(standard: code, item: item, by: person, now: req.now, on: req.db)
            return "\(item) recorded as conforming to \(code)."
        }
    }

    @Sendable func removeItem(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let item = try req.content.decode([String: String].self)["item"] ?? ""
        let code = req.parameter(.code)
        return try await acting(req, code) {
            try await ConformanceEditor.remove(standard: code, item: item, by: person, now: req.now, on: req.db)
            return "\(item) no longer recorded as conforming to \(code)."
        }
    }

    /// A change from the standard's page: back to it with a notice, or the page again with the problems.
    private func acting(_ req: Request, _ code: String, _ change: () async throws -> String) async throws -> Response {
        do {
            let notice = try await change()
            return FlashNotice.redirect(req, to: .standard(code), saying: notice)
        } catch let error as InputError {
            return try await standardPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func metrics(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        return StandardisationPage.render(
            req.pageContext(title: "Standardisation"), try await StandardsReads.metrics(for: person.principal, now: req.now, on: req.db))
    }

    static func today(_ req: Request) -> CalendarDay {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: req.now)
        return CalendarDay(parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    }
}
