import Fluent
import Plot
import RampartCore
import Vapor

/// A nation's requirements with their projected deliveries and reasons for delay; editing one demand.
struct NationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.nations, use: index)
        routes.get(.nation(.any), use: show)
        routes.get(.nationDemandsCSV(.any), use: demandsCSV)
        routes.get(.newDemand(nation: .any), use: newForm)
        routes.post(.nationDemands(.any), use: create)
        routes.get(.demand(.any), use: editForm)
        routes.post(.demand(.any), use: update)
        routes.post(.demandWithdraw(.any), use: withdraw)
        routes.get(.nationsCSV, use: indexCSV)
    }

    static let perPage = 50

    /// Every nation by name, with how many requirements it has entered and for how many classes and items.
    static func indexRows(on db: any Database) async throws -> [NationsIndexPage.NationIndexRow] {
        // Shown by name, so sorted by name.
        let nations = try await NationRecord.query(on: db).all().sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        let demands = try await DemandRecord.query(on: db).field(\.$nation).field(\.$itemCode).field(\.$itemClass).all()
        let byNation = Dictionary(grouping: demands, by: \.nation)
        // Units of unlike items are not added up: a nation's demand is counted in requirements and in what they are for.
        let rows = nations.map { nation in
            let mine = byNation[nation.code] ?? []
            return NationsIndexPage.NationIndexRow(
                code: nation.code, name: nation.name, demandCount: mine.count,
                targetCount: Set(mine.map { $0.itemClass.map { "class:" + $0 } ?? $0.itemCode ?? "" }).count)
        }
        return rows
    }

    @Sendable func index(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        if person.role == .delegate, let nation = person.user.nation { return req.redirect(to: .nation(nation)) }
        guard person.principal.isStaff else { throw Abort(.forbidden, reason: "the list of nations' requirements is for Alliance staff") }
        let rows = try await Self.indexRows(on: req.db)
        return try await NationsIndexPage.render(req.pageContext(title: "Nations"), .init(rows: rows)).encodeResponse(for: req)
    }

    /// The nations index as CSV, for staff.
    @Sendable func indexCSV(req: Request) async throws -> Response {
        _ = try req.require { $0.isStaff }
        let rows = try await Self.indexRows(on: req.db)
        let table = CSVTable(
            header: ["nation", "code", "requirements", "classes and items"],
            rows: rows.map { [.text($0.name), .text($0.code), .integer($0.demandCount), .integer($0.targetCount)] },
            marking: Releasability.staffOnly.marking)
        return CSVDownload.response(table, filename: "nations.csv")
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let code = req.parameter(.code)
        let person = try req.require { AccessPolicy.canReadNationView($0, nation: code) }
        guard try await NationDirectory.exists(code, on: req.db) else { throw Abort(.notFound, reason: "no nation \(code)") }
        let list = try await NationDemandListing.load(req, nation: code, per: Self.perPage)
        let canEdit = AccessPolicy.canEditDemands(person.principal, nation: code)
        // Where a save brings the editor back to: this page of the list, as sorted and filtered.
        let listPath = SiteRoute.nation(code).path(query: list.query.items(page: list.query.page))
        func month(_ index: Int) -> String { list.calendar?.label(index) ?? "M\(index)" }
        let rows = list.rows.map { row in
            let chain = row.causeChain
            return NationDemandsPage.DemandRow(
                code: row.code, target: row.target, qty: row.qty, dueLabel: month(row.due_month), priority: row.priority,
                released: row.released, onTime: row.on_time_units, late: row.late_units, unserved: row.unserved_units,
                firstDeliveryLabel: row.first_delivery_month.map(month), lastDeliveryLabel: row.last_delivery_month.map(month),
                monthsLate: row.monthsLate, causes: chain.causes, causesNotKept: chain.notKept,
                editPath: canEdit ? SiteRoute.demand(row.code).path(query: [(name: "return_to", value: listPath)]) : nil,
                resultPath: row.on_time_units == nil ? nil : list.runID.map { SiteRoute.planDemand(id: $0.uuidString, code: row.code).path }
            )
        }
        let model = NationDemandsPage.Model(
            nation: code, nationName: Alliance.name(of: code), rows: rows, chart: list.chart, chartTarget: list.chartTarget,
            planRunID: list.runID?.uuidString, planRunName: list.runNumber.map { "Run \($0)" }, page: list.query.page,
            pageCount: max(1, (list.total + Self.perPage - 1) / Self.perPage),
            newDemandPath: canEdit ? SiteRoute.newDemand(nation: code).path : nil, spec: list.spec, query: list.query,
            summary: TableCount.text(
                shown: rows.count, matching: list.total, all: list.all, noun: ("demand", "demands"), narrowed: list.query.isNarrowed),
            totals: list.totals.map {
                NationDemandsPage.TotalRow(
                    target: $0.target, demands: $0.demands, qty: $0.qty, onTime: $0.on_time_units, late: $0.late_units,
                    unserved: $0.unserved_units)
            },
            marking: Releasability.nationOnly(code).marking)
        return NationDemandsPage.render(req.pageContext(title: "\(Alliance.name(of: code)): demand"), model)
    }

    /// The nation's demands the page's query leaves, as CSV, in the page's order and with its columns.
    @Sendable func demandsCSV(req: Request) async throws -> Response {
        let code = req.parameter(.code)
        _ = try req.require { AccessPolicy.canReadNationView($0, nation: code) }
        guard try await NationDirectory.exists(code, on: req.db) else { throw Abort(.notFound, reason: "no nation \(code)") }
        let list = try await NationDemandListing.load(req, nation: code, per: 0)
        let rows = try await NationDemandList.all(nation: code, run: list.runID, query: list.query, calendar: list.calendar, on: req.db)
        func month(_ index: Int?) -> String { index.map { list.calendar?.label($0) ?? "\($0)" } ?? "" }
        let csv = CSVTable(
            header: [
                "demand", "target", "quantity", "due", "priority", "released", "first delivery", "last delivery", "months late",
                "on time units", "late units", "unserved units", "weighted lateness", "main reason",
            ],
            rows: rows.map { row in
                [
                    .text(row.code), .text(row.target), .number(row.qty), .text(month(row.due_month)), .integer(row.priority),
                    .text(row.released ? "yes" : "no"), .text(month(row.first_delivery_month)), .text(month(row.last_delivery_month)),
                    .integer(row.monthsLate), .number(row.on_time_units), .number(row.late_units), .number(row.unserved_units),
                    .number(row.weighted_lateness), .text(row.causeList.first ?? ""),
                ]
            }, marking: Releasability.nationOnly(code).marking)
        return CSVDownload.response(csv, filename: "demands-\(code).csv")
    }

    @Sendable func editForm(req: Request) async throws -> HTML {
        let demand = try await editableDemand(req)
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        var model = Self.editModel(
            demand, calendar: settings?.calendar, errors: [], conflict: false)
        (model.firstMonth, model.lastMonth) = Self.monthRange(settings)
        model.returnTo = Self.returnPath(req.query[String.self, at: "return_to"], nation: demand.nation)
        return DemandEditPage.render(req.pageContext(title: "Demand \(demand.code)"), model)
    }

    @Sendable func update(req: Request) async throws -> Response {
        struct Form: Content {
            var qty: String?; var due_month: String?; var priority: String?; var released: String?; var firm: String?; var version: String?
            var return_to: String?
        }
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        let form = try req.content.decode(Form.self)
        let current = try await editableDemand(req)
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        let numbers = DemandFormNumbers(
            qty: form.qty, dueMonth: form.due_month, priority: form.priority, calendar: calendar, horizon: settings?.horizonMonths)
        let (qty, due, priority) = (numbers.qty, numbers.dueMonth, numbers.priority)
        // Every problem at once: the rules judge whatever did read, beside what did not.
        var errors =
            numbers.errors + DemandEditor.problems(qty: qty, dueMonth: due, priority: priority, horizon: settings?.horizonMonths ?? 1)
        guard let version = FormNumber.integer(form.version) else { throw InputError("version", "missing; reload the form") }
        if errors.isEmpty {
            do {
                _ = try await DemandEditor.update(
                    code,
                    with: DemandPatch(
                        qty: qty, dueMonth: due, priority: priority, released: form.released == "yes", firm: form.firm == "yes",
                        version: version),
                    by: person, now: req.now, on: req.db)
                return FlashNotice.redirect(
                    req, toPath: Self.returnPath(form.return_to, nation: current.nation), saying: "Demand \(code) saved.")
            } catch let error as InputError {
                if error.status == .conflict {
                    let fresh = try await editableDemand(req)
                    let page = DemandEditPage.render(
                        req.pageContext(title: "Demand \(code)"),
                        Self.editModel(fresh, calendar: calendar, errors: error.problems, conflict: true))
                    return try await page.encodeResponse(status: .conflict, for: req)
                }
                errors = error.problems
            }
        }
        var model = Self.editModel(current, calendar: calendar, errors: errors, conflict: false)
        (model.firstMonth, model.lastMonth) = Self.monthRange(settings)
        model.qty = form.qty ?? ""
        model.dueMonth = form.due_month ?? ""
        model.priority = form.priority ?? ""
        model.released = form.released == "yes"
        model.firm = form.firm == "yes"
        model.version = version
        model.returnTo = Self.returnPath(form.return_to, nation: current.nation)
        return try await DemandEditPage.render(req.pageContext(title: "Demand \(code)"), model).encodeResponse(
            status: .unprocessableEntity, for: req)
    }

    @Sendable func newForm(req: Request) async throws -> HTML {
        let code = req.parameter(.code)
        _ = try req.require { AccessPolicy.canEditDemands($0, nation: code) }
        guard try await NationDirectory.exists(code, on: req.db) else { throw Abort(.notFound, reason: "no nation \(code)") }
        var model = DemandNewPage.Model(nation: code, nationName: Alliance.name(of: code))
        try await Self.fillChoices(&model, on: req.db)
        return DemandNewPage.render(req.pageContext(title: "New demand"), model)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Content {
            var id: String?; var item: String?; var `class`: String?; var qty: String?; var due_month: String?
            var priority: String?; var released: String?; var firm: String?
        }
        let code = req.parameter(.code)
        let person = try req.require { AccessPolicy.canEditDemands($0, nation: code) }
        let form = try req.content.decode(Form.self)
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        // The class as the pages write a target ("class:155MM") is the class.
        var (item, itemClass) = (form.item ?? "", form.class ?? "")
        if item.hasPrefix("class:"), itemClass.isEmpty { (item, itemClass) = ("", String(item.dropFirst("class:".count))) }
        if itemClass.hasPrefix("class:") { itemClass = String(itemClass.dropFirst("class:".count)) }
        var model = DemandNewPage.Model(
            nation: code, nationName: Alliance.name(of: code), id: form.id ?? "", item: item, itemClass: itemClass,
            qty: form.qty ?? "", dueMonth: form.due_month ?? "", priority: form.priority ?? "", released: form.released == "yes",
            firm: form.firm == "yes")
        try await Self.fillChoices(&model, on: req.db)
        let numbers = DemandFormNumbers(
            qty: model.qty, dueMonth: model.dueMonth, priority: model.priority, calendar: calendar, horizon: settings?.horizonMonths)
        // Every problem at once: the id and target, what did not read, and the rules on what did.
        model.errors =
            try await DemandEntry.targetProblems(
                id: model.id.trimmingCharacters(in: .whitespaces), item: item, class: itemClass, nation: code, on: req.db)
            + numbers.errors
            + DemandEditor.problems(
                qty: numbers.qty, dueMonth: numbers.dueMonth, priority: numbers.priority, horizon: settings?.horizonMonths ?? 1)
        var status = HTTPStatus.unprocessableEntity
        if model.errors.isEmpty, let qty = numbers.qty, let due = numbers.dueMonth, let priority = numbers.priority {
            let new = NewDemand(
                id: model.id, item: model.item, class: model.itemClass, qty: qty, dueMonth: due, priority: priority,
                released: model.released, firm: model.firm)
            do {
                let created = try await DemandEntry.create(new, nation: code, by: person, now: req.now, on: req.db)
                return FlashNotice.redirect(req, to: .nation(code), saying: "Demand \(created.code) entered.")
            } catch let error as InputError {
                model.errors = error.problems
                status = error.status
            }
        }
        return try await DemandNewPage.render(req.pageContext(title: "New demand"), model).encodeResponse(status: status, for: req)
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        struct Form: Content { var version: String?; var return_to: String? }
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        let current = try await editableDemand(req)
        let form = try req.content.decode(Form.self)
        guard let version = FormNumber.integer(form.version) else {
            throw InputError("version", "missing; reload the form")
        }
        do {
            try await DemandEntry.delete(code, version: version, by: person, now: req.now, on: req.db)
            return FlashNotice.redirect(
                req, toPath: Self.returnPath(form.return_to, nation: current.nation), saying: "Demand \(code) withdrawn.")
        } catch let error as InputError where error.status == .conflict {
            let fresh = try await editableDemand(req)
            let page = DemandEditPage.render(
                req.pageContext(title: "Demand \(code)"),
                Self.editModel(
                    fresh, calendar: try await ScenarioSettingsRecord.calendar(on: req.db), errors: error.problems, conflict: true))
            return try await page.encodeResponse(status: .conflict, for: req)
        }
    }

    private func editableDemand(_ req: Request) async throws -> DemandRecord {
        try await DemandEditor.editable(req.parameter(.code), by: try req.requireSignedIn(), on: req.db)
    }

    /// The due month field's first and last month, "YYYY-MM".
    static func monthRange(_ settings: ScenarioSettingsRecord?) -> (String?, String?) {
        guard let settings, settings.horizonMonths > 0, let calendar = MonthCalendar(startMonth: settings.startMonth) else {
            return (nil, nil)
        }
        return (calendar.label(0), calendar.label(settings.horizonMonths - 1))
    }

    /// The items and classes a new demand may name, and the due month's range.
    static func fillChoices(_ model: inout DemandNewPage.Model, on db: any Database) async throws {
        let items = try await ItemRecord.query(on: db).filter(\.$kind == ItemKind.end.rawValue).sort(\.$code).all()
        model.items = items.map(\.code)
        model.classes = Array(Set(items.compactMap(\.itemClass))).sorted()
        (model.firstMonth, model.lastMonth) = monthRange(try await ScenarioSettingsRecord.query(on: db).first())
    }

    /// The form shows the due month as the month field wants it, "YYYY-MM".
    /// The nation's list page a form came from (`return_to`), or the nation's page: never anywhere else.
    static func returnPath(_ candidate: String?, nation: String) -> String {
        let list = SiteRoute.nation(nation).path
        guard let candidate, Href.isLocal(candidate), candidate == list || candidate.hasPrefix(list + "?") else { return list }
        return candidate
    }

    static func editModel(_ d: DemandRecord, calendar: MonthCalendar?, errors: [String], conflict: Bool) -> DemandEditPage.Model {
        DemandEditPage.Model(
            code: d.code, nation: d.nation, target: d.target, qty: PlainNumber.text(d.qty),
            dueMonth: calendar?.label(d.dueMonth) ?? "\(d.dueMonth)", priority: "\(d.priority)", released: d.released, firm: d.firm,
            version: d.version, errors: errors, conflict: conflict)
    }
}

/// The number fields of the demand forms, read from their text: nil where they do not read, each such problem
/// named as the form names the field.
struct DemandFormNumbers {
    var qty: Double?
    var dueMonth: Int?
    var priority: Int?
    var errors: [String] = []

    init(qty: String?, dueMonth: String?, priority: String?, calendar: MonthCalendar?, horizon: Int? = nil) {
        self.qty = FormNumber.number(qty)
        self.dueMonth = calendar?.index(of: dueMonth ?? "")
        self.priority = FormNumber.integer(priority)
        if self.qty == nil { errors.append("qty: must be a number, such as 1200 or 1,200") }
        if let calendar, let horizon, horizon > 0 {
            let range = "between \(calendar.label(0)) and \(calendar.label(horizon - 1))"
            if let month = self.dueMonth, !(0..<horizon).contains(month) {
                errors.append("due_month: must be \(range), the planning horizon")
                self.dueMonth = nil
            } else if self.dueMonth == nil {
                errors.append("due_month: must be a month \(range), as YYYY-MM")
            }
        } else if self.dueMonth == nil {
            errors.append("due_month: must be a month as YYYY-MM")
        }
        if self.priority == nil { errors.append("priority: must be a whole number from 1 to 5") }
    }

}
