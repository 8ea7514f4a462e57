import Fluent
import Plot
import RampartCore
import SQLKit
import Vapor

/// The interchangeability matrix, the weapon systems and fleets, and the qualifications and recognitions.
struct InteroperabilityPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.interoperability, use: matrix)
        routes.get(.interoperabilityCSV, use: matrixCSV)
        routes.get(.weaponSystems, use: systems)
        routes.post(.weaponSystems, use: addSystem)
        routes.post(.fleets, use: setFleet)
        routes.get(.fleetsCSV, use: fleetsCSV)
        routes.post(.fleetsImport, use: importFleets)
        routes.get(.qualifications, use: qualifications)
        routes.post(.qualifications, use: addQualification)
        routes.get(.qualificationsCSV, use: qualificationsCSV)
        routes.post(.qualificationsImport, use: importQualifications)
        routes.post(.qualificationWithdraw(id: .any), use: withdrawQualification)
        routes.post(.recognitions, use: addRecognition)
        routes.post(.recognitionWithdraw, use: withdrawRecognition)
    }

    static let perPage = 50

    // MARK: the matrix

    @Sendable func matrix(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        let view = AccessPolicy.interchangeabilityView(person.principal)
        let snapshot = try await req.rampart.interchangeability.snapshot(on: req.db)
        let spec = InterchangeabilityReads.spec(snapshot.options(view: view), view: view)
        let query = try TableQuery(req, spec)
        let (munitions, total) = snapshot.munitions(query, view: view, per: Self.perPage)
        let whole = view == .whole
        let cells = whole ? snapshot.cells : [:]
        let nations = whole ? snapshot.operators : []
        let rows = munitions.map { m in
            InterchangeabilityPage.Row(
                item: m.code, name: m.name, itemClass: m.item_class ?? "–",
                users: whole ? cells[m.code]?.count ?? 0 : view.publishedCount(m.users),
                cells: (cells[m.code] ?? [:]).reduce(into: [:]) {
                    $0[$1.key] = InterchangeabilityPage.cellText(nation: $1.key, routes: $1.value)
                })
        }
        var links: [(label: String, path: String)] = [("Weapon systems and fleets", SiteRoute.weaponSystems.path)]
        if AccessPolicy.canReadQualifications(person.principal) {
            links.append(("Qualifications and recognitions", SiteRoute.qualifications.path))
        }
        return InterchangeabilityPage.render(
            req.pageContext(title: "Interchangeability"),
            .init(
                whole: whole, nations: nations, rows: rows, spec: spec, query: query,
                summary: TableCount.text(
                    shown: rows.count, matching: total, all: total, noun: ("munition", "munitions"), narrowed: false),
                pageCount: max(1, (total + Self.perPage - 1) / Self.perPage),
                rebuilt: whole ? snapshot.rebuiltAt.map(Timestamps.text) : nil, links: links))
    }

    /// The matrix as CSV, for the page's filters: one row per route for readers of the whole matrix; for the others,
    /// one row per munition three or more nations can use, with that count.
    @Sendable func matrixCSV(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let view = AccessPolicy.interchangeabilityView(person.principal)
        let snapshot = try await req.rampart.interchangeability.snapshot(on: req.db)
        var query = try TableQuery(req, InterchangeabilityReads.spec(snapshot.options(view: view), view: view))
        query.page = 1
        let (munitions, _) = snapshot.munitions(query, view: view, per: Int(Int32.max))
        guard view == .whole else {
            let rows: [[CSVTable.Cell]] = munitions.map { m in
                [.text(m.code), .text(m.name), .text(m.item_class ?? ""), .integer(view.publishedCount(m.users))]
            }
            return CSVDownload.response(
                CSVTable(header: ["item", "name", "class", "nations that can use it"], rows: rows),
                filename: "interchangeability.csv")
        }
        let cells = snapshot.cells
        var rows: [[CSVTable.Cell]] = []
        for m in munitions {
            for (nation, routes) in (cells[m.code] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for route in routes {
                    rows.append([.text(m.code), .text(m.item_class ?? ""), .text(nation), .text(route.system), .text(route.qualifiedBy)])
                }
            }
        }
        return CSVDownload.response(
            CSVTable(header: ["item", "class", "nation", "system", "qualified by"], rows: rows), filename: "interchangeability.csv")
    }

    // MARK: weapon systems and fleets

    @Sendable func systems(req: Request) async throws -> HTML {
        try await systemsPage(req, errors: [])
    }

    private func systemsPage(_ req: Request, errors: [String]) async throws -> HTML {
        let person = try req.requireSignedIn()
        let systems = try await WeaponSystemRecord.query(on: req.db).sort(\.$code).all()
        var fleets: [WeaponSystemsPage.FleetRow]?
        var fleetNations: [String] = []
        if person.principal.isStaff || person.principal.role == .delegate {
            var query = FleetRecord.query(on: req.db).sort(\.$nation).sort(\.$systemCode)
            if !person.principal.isStaff { query = query.filter(\.$nation == (person.user.nation ?? "")) }
            fleets = try await query.all().map { f in
                .init(
                    nation: f.nation, system: f.systemCode, count: f.count, version: f.version,
                    editable: AccessPolicy.canEditFleet(person.principal, nation: f.nation))
            }
            fleetNations = Self.ownNations(person)
        }
        return WeaponSystemsPage.render(
            req.pageContext(title: "Weapon systems"),
            .init(
                systems: systems.map { .init(code: $0.code, name: $0.name, kind: $0.value.kind.label, calibre: $0.calibre) },
                fleets: fleets, canAddSystem: AccessPolicy.canEditWeaponSystems(person.principal), fleetNations: fleetNations,
                errors: errors))
    }

    @Sendable func addSystem(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        do {
            let record = try await WeaponSystemEditor.create(
                WeaponSystemInput(
                    code: form["code"] ?? "", name: form["name"] ?? "", kind: form["kind"] ?? "", calibre: form["calibre"] ?? ""),
                by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(req, to: .weaponSystems, saying: "\(record.code) added.")
        } catch let error as InputError {
            return try await systemsPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func setFleet(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        do {
            guard let count = FormNumber.integer(form["count"]) else {
                throw InputError("count", "must be a whole number of systems, 0 to 100,000")
            }
            let record = try await FleetEditor.set(
                nation: form["nation"] ?? "", system: form["system"] ?? "",
                with: FleetInput(count: count, version: FormNumber.integer(form["version"])), by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(
                req, to: .weaponSystems, saying: "\(record.nation)'s fleet of \(record.systemCode) saved: \(record.count).")
        } catch let error as InputError {
            return try await systemsPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func fleetsCSV(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        var query = FleetRecord.query(on: req.db).sort(\.$nation).sort(\.$systemCode)
        if !person.principal.isStaff { query = query.filter(\.$nation == (person.user.nation ?? "")) }
        let rows: [[CSVTable.Cell]] = try await query.all().map { [.text($0.nation), .text($0.systemCode), .integer($0.count)] }
        return CSVDownload.response(
            CSVTable(header: InteroperabilityImport.fleetHeader, rows: rows),
            filename: person.principal.isStaff ? "fleets.csv" : "fleets-\(person.user.nation ?? "").csv")
    }

    @Sendable func importFleets(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        do {
            let outcome = try await InteroperabilityImport.fleets(try Self.uploadedText(req), by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(
                req, to: .weaponSystems, saying: "\(outcome.rows) fleets imported: \(outcome.created) new, \(outcome.updated) changed.")
        } catch let error as InputError {
            return try await systemsPage(req, errors: error.problems).encodeResponse(status: error.status, for: req)
        }
    }

    // MARK: qualifications and recognitions

    @Sendable func qualifications(req: Request) async throws -> HTML {
        try await qualificationsPage(req, query: try TableQuery(req, QualificationsPage.spec), errors: [])
    }

    private func qualificationsPage(_ req: Request, query: TableQuery, errors: [String]) async throws -> HTML {
        let person = try req.require(AccessPolicy.canReadQualifications)
        let (rows, total, all) = try await QualificationList.page(query, per: Self.perPage * 2, on: req.db)
        let recognitions = try await RecognitionRecord.query(on: req.db).sort(\.$nation).sort(\.$recognises).all()
        let known = try await KnownCodes.load(on: req.db)
        return QualificationsPage.render(
            req.pageContext(title: "Qualifications"),
            .init(
                rows: rows.map { r in
                    .init(
                        id: r.id.uuidString, item: r.item_code, system: r.system_code, nation: r.nation, qualifiedOn: r.qualified_on,
                        canWithdraw: AccessPolicy.canEditQualification(person.principal, nation: r.nation))
                },
                query: query,
                summary: TableCount.text(
                    shown: rows.count, matching: total, all: all, noun: ("qualification", "qualifications"), narrowed: query.isNarrowed),
                pageCount: max(1, (total + Self.perPage * 2 - 1) / (Self.perPage * 2)),
                recognitions: recognitions.map {
                    .init(
                        nation: $0.nation, recognises: $0.recognises,
                        canWithdraw: AccessPolicy.canEditRecognition(person.principal, nation: $0.nation))
                },
                ownNations: Self.ownNations(person), systems: known.systems.sorted(), items: known.items.sorted(), errors: errors))
    }

    private func failedQualifications(_ req: Request, _ error: InputError) async throws -> Response {
        let query = TableQuery(sort: QualificationsPage.spec.sortKeys[0], descending: false)
        return try await qualificationsPage(req, query: query, errors: error.problems).encodeResponse(status: error.status, for: req)
    }

    @Sendable func addQualification(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        do {
            let record = try await QualificationEditor.create(
                QualificationInput(item: form["item"], system: form["system"], nation: form["nation"], qualifiedOn: form["qualifiedOn"]),
                by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(req, to: .qualifications, saying: "Recorded: \(record.label), \(record.qualifiedOn).")
        } catch let error as InputError {
            return try await failedQualifications(req, error)
        }
    }

    @Sendable func qualificationsCSV(req: Request) async throws -> Response {
        _ = try req.require(AccessPolicy.canReadQualifications)
        var query = try TableQuery(req, QualificationsPage.spec)
        query.page = 1
        let (rows, _, _) = try await QualificationList.page(query, per: Int(Int32.max), on: req.db)
        return CSVDownload.response(
            CSVTable(
                header: InteroperabilityImport.qualificationHeader,
                rows: rows.map { [.text($0.item_code), .text($0.system_code), .text($0.nation), .text($0.qualified_on)] }),
            filename: "qualifications.csv")
    }

    @Sendable func importQualifications(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        do {
            let outcome = try await InteroperabilityImport.qualifications(try Self.uploadedText(req), by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(
                req, to: .qualifications,
                saying: "\(outcome.rows) qualifications imported: \(outcome.created) new, \(outcome.updated) already recorded.")
        } catch let error as InputError {
            return try await failedQualifications(req, error)
        }
    }

    @Sendable func withdrawQualification(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no such qualification") }
        try await QualificationEditor.delete(id: id, by: person, now: req.now, on: req.db)
        return FlashNotice.redirect(req, to: .qualifications, saying: "Qualification withdrawn.")
    }

    @Sendable func addRecognition(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        let nation = form["nation"] ?? "", recognises = form["recognises"] ?? ""
        do {
            _ = try await RecognitionEditor.set(nation: nation, recognises: recognises, by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(req, to: .qualifications, saying: "\(nation) now recognises \(recognises)'s qualifications.")
        } catch let error as InputError {
            return try await failedQualifications(req, error)
        }
    }

    @Sendable func withdrawRecognition(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let form = try req.content.decode([String: String].self)
        let nation = form["nation"] ?? "", recognises = form["recognises"] ?? ""
        try await RecognitionEditor.delete(nation: nation, recognises: recognises, by: person, now: req.now, on: req.db)
        return FlashNotice.redirect(req, to: .qualifications, saying: "\(nation) no longer recognises \(recognises)'s qualifications.")
    }

    // MARK: shared

    /// The nations whose records `person` keeps: every Ally and partner for staff, its own for a delegate.
    static func ownNations(_ person: SignedIn) -> [String] {
        if person.principal.isStaff { return Alliance.all.map(\.code) }
        if person.principal.role == .delegate, let nation = person.user.nation, !nation.isEmpty { return [nation] }
        return []
    }

    /// The text of an uploaded CSV file (multipart field `file`).
    static func uploadedText(_ req: Request) throws -> String {
        struct Upload: Content {
            var file: File?
        }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            throw InputError("file", "choose a CSV file to import")
        }
        guard let text = String(bytes: file.data.readableBytesView, encoding: .utf8) else { throw InputError("file", "is not UTF-8 text") }
        return text
    }
}
