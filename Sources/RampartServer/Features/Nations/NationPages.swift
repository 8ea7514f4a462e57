import Fluent
import Plot
import RampartCore
import Vapor

/// A nation's requirements with their projected deliveries and reasons for delay; editing one demand.
struct NationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.nations, use: index)
        routes.get(.nation(.any), use: show)
        routes.get(.newDemand(nation: .any), use: newForm)
        routes.post(.nationDemands(.any), use: create)
        routes.get(.demand(.any), use: editForm)
        routes.post(.demand(.any), use: update)
        routes.post(.demandWithdraw(.any), use: withdraw)
    }

    static let perPage = 50

    @Sendable func index(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        if person.role == .delegate, let nation = person.user.nation { return req.redirect(to: .nation(nation)) }
        guard person.principal.isStaff else { throw Abort(.forbidden, reason: "the list of nations' requirements is for Alliance staff") }
        let nations = try await NationRecord.query(on: req.db).sort(\.$code).all()
        let demands = try await DemandRecord.query(on: req.db).field(\.$nation).field(\.$qty).all()
        let byNation = Dictionary(grouping: demands, by: \.nation)
        let rows = nations.map { nation in
            NationsIndexPage.NationIndexRow(
                code: nation.code, name: nation.name, demandCount: byNation[nation.code]?.count ?? 0,
                demandedUnits: byNation[nation.code]?.reduce(0) { $0 + $1.qty } ?? 0)
        }
        return try await NationsIndexPage.render(req.pageContext(title: "Nations"), .init(rows: rows)).encodeResponse(for: req)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let code = req.parameter(.code)
        let person = try req.require { AccessPolicy.canReadNationView($0, nation: code) }
        let page = try req.pageNumber
        let view = try await NationView.load(nation: code, page: page, perPage: Self.perPage, on: req.db)
        let canEdit = AccessPolicy.canEditDemands(person.principal, nation: code)
        let rows = view.demands.map { demand in
            let result = view.results[demand.code]
            return NationDemandsPage.DemandRow(
                code: demand.code, target: demand.target, qty: demand.qty, dueLabel: view.monthLabel(demand.dueMonth),
                priority: demand.priority, released: demand.released, onTime: result?.onTimeUnits, late: result?.lateUnits,
                unserved: result?.unservedUnits, firstDeliveryLabel: result?.firstDeliveryMonth.map(view.monthLabel),
                lastDeliveryLabel: result?.lastDeliveryMonth.map(view.monthLabel),
                monthsLate: result.flatMap { r in
                    r.lateUnits > 0 ? r.lastDeliveryMonth.map { max(0, $0 - demand.dueMonth) } : nil
                },
                causes: result?.causes ?? [], editPath: canEdit ? SiteRoute.demand(demand.code).path : nil)
        }
        let model = NationDemandsPage.Model(
            nation: code, nationName: Alliance.name(of: code), rows: rows, chart: view.chart,
            planRunID: view.run?.id?.uuidString, planRunName: view.run?.number.map { "Run \($0)" }, page: page, pageCount: view.pageCount,
            newDemandPath: canEdit ? SiteRoute.newDemand(nation: code).path : nil)
        return NationDemandsPage.render(req.pageContext(title: "\(Alliance.name(of: code)): demand"), model)
    }

    @Sendable func editForm(req: Request) async throws -> HTML {
        let demand = try await editableDemand(req)
        let calendar = try await Self.calendar(on: req.db)
        return DemandEditPage.render(
            req.pageContext(title: "Demand \(demand.code)"),
            Self.editModel(demand, calendar: calendar, errors: [], conflict: false))
    }

    @Sendable func update(req: Request) async throws -> Response {
        struct Form: Content {
            var qty: String?; var due_month: String?; var priority: String?; var released: String?; var version: String?
        }
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        let form = try req.content.decode(Form.self)
        let current = try await editableDemand(req)
        let calendar = try await Self.calendar(on: req.db)
        let numbers = DemandFormNumbers(qty: form.qty, dueMonth: form.due_month, priority: form.priority, calendar: calendar)
        var errors = numbers.errors
        let (qty, due, priority) = (numbers.qty, numbers.dueMonth, numbers.priority)
        guard let version = FormNumber.integer(form.version) else { throw InputError("version", "missing; reload the form") }
        if errors.isEmpty {
            do {
                _ = try await DemandEditor.update(
                    code,
                    with: DemandPatch(qty: qty, dueMonth: due, priority: priority, released: form.released == "yes", version: version),
                    by: person, now: req.now, on: req.db)
                return req.redirect(to: .nation(current.nation))
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
        var model = Self.editModel(current, calendar: calendar, errors: DemandFormNumbers.formNames(errors), conflict: false)
        model.qty = form.qty ?? ""
        model.dueMonth = form.due_month ?? ""
        model.priority = form.priority ?? ""
        model.released = form.released == "yes"
        model.version = version
        return try await DemandEditPage.render(req.pageContext(title: "Demand \(code)"), model).encodeResponse(
            status: .unprocessableEntity, for: req)
    }

    @Sendable func newForm(req: Request) async throws -> HTML {
        let code = req.parameter(.code)
        _ = try req.require { AccessPolicy.canEditDemands($0, nation: code) }
        return DemandNewPage.render(req.pageContext(title: "New demand"), .init(nation: code, nationName: Alliance.name(of: code)))
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Content {
            var id: String?; var item: String?; var `class`: String?; var qty: String?; var due_month: String?
            var priority: String?; var released: String?
        }
        let code = req.parameter(.code)
        let person = try req.require { AccessPolicy.canEditDemands($0, nation: code) }
        let form = try req.content.decode(Form.self)
        let calendar = try await Self.calendar(on: req.db)
        var model = DemandNewPage.Model(
            nation: code, nationName: Alliance.name(of: code), id: form.id ?? "", item: form.item ?? "", itemClass: form.class ?? "",
            qty: form.qty ?? "", dueMonth: form.due_month ?? "", priority: form.priority ?? "", released: form.released == "yes")
        let numbers = DemandFormNumbers(qty: model.qty, dueMonth: model.dueMonth, priority: model.priority, calendar: calendar)
        model.errors = numbers.errors
        var status = HTTPStatus.unprocessableEntity
        if let qty = numbers.qty, let due = numbers.dueMonth, let priority = numbers.priority {
            let new = NewDemand(
                id: model.id, item: model.item, class: model.itemClass, qty: qty, dueMonth: due, priority: priority,
                released: model.released)
            do {
                _ = try await DemandEntry.create(new, nation: code, by: person, now: req.now, on: req.db)
                return req.redirect(to: .nation(code))
            } catch let error as InputError {
                model.errors = DemandFormNumbers.formNames(error.problems)
                status = error.status
            }
        }
        return try await DemandNewPage.render(req.pageContext(title: "New demand"), model).encodeResponse(status: status, for: req)
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        struct Form: Content { var version: String? }
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        let current = try await editableDemand(req)
        guard let version = FormNumber.integer(try req.content.decode(Form.self).version) else {
            throw InputError("version", "missing; reload the form")
        }
        do {
            try await DemandEntry.delete(code, version: version, by: person, now: req.now, on: req.db)
            return req.redirect(to: .nation(current.nation))
        } catch let error as InputError where error.status == .conflict {
            let fresh = try await editableDemand(req)
            let page = DemandEditPage.render(
                req.pageContext(title: "Demand \(code)"),
                Self.editModel(fresh, calendar: try await Self.calendar(on: req.db), errors: error.problems, conflict: true))
            return try await page.encodeResponse(status: .conflict, for: req)
        }
    }

    private func editableDemand(_ req: Request) async throws -> DemandRecord {
        try await DemandEditor.editable(req.parameter(.code), by: try req.requireSignedIn(), on: req.db)
    }

    static func calendar(on db: any Database) async throws -> MonthCalendar? {
        try await ScenarioSettingsRecord.query(on: db).first().flatMap { MonthCalendar(startMonth: $0.startMonth) }
    }

    /// The form shows the due month as the month field wants it, "YYYY-MM".
    static func editModel(_ d: DemandRecord, calendar: MonthCalendar?, errors: [String], conflict: Bool) -> DemandEditPage.Model {
        DemandEditPage.Model(
            code: d.code, nation: d.nation, target: d.target, qty: PlainNumber.text(d.qty),
            dueMonth: calendar?.label(d.dueMonth) ?? "\(d.dueMonth)", priority: "\(d.priority)", released: d.released, version: d.version,
            errors: errors, conflict: conflict)
    }
}

/// What a nation's demand view reads: one page of its demands, the latest plan's results for them, the chart.
struct NationView {
    var demands: [DemandRecord]
    var results: [String: PlanDemandResultRecord]
    var run: PlanRunRecord?
    var chart: MonthlySeries?
    var pageCount: Int
    var calendar: MonthCalendar?

    func monthLabel(_ month: Int) -> String { calendar?.label(month) ?? "M\(month)" }

    static func load(nation: String, page: Int, perPage: Int, on db: any Database) async throws -> NationView {
        let settings = try await ScenarioSettingsRecord.query(on: db).first()
        let total = try await DemandRecord.query(on: db).filter(\.$nation == nation).count()
        let demands = try await DemandRecord.query(on: db).filter(\.$nation == nation).sort(\.$position)
            .range(PageRules.offset(page: page, per: perPage)..<(PageRules.offset(page: page, per: perPage) + perPage)).all()
        let run = try await PlanRuns.latestSucceeded(on: db)
        var results: [String: PlanDemandResultRecord] = [:]
        var chart: MonthlySeries?
        if let runID = run?.id, let settings {
            let onPage = try await PlanDemandResultRecord.query(on: db).filter(\.$planRunID == runID)
                .filter(\.$demandCode ~~ demands.map(\.code)).all()
            for result in onPage { results[result.demandCode] = result }
            let (demanded, delivered) = try await PlanDeliveries.monthlyTotals(
                run: runID, nation: nation, horizonMonths: settings.horizonMonths, on: db)
            let calendar = MonthCalendar(startMonth: settings.startMonth)
            chart = MonthlySeries(
                monthLabels: (0..<settings.horizonMonths).map { calendar?.label($0) ?? "M\($0)" },
                demanded: Cumulative.sums(demanded), delivered: Cumulative.sums(delivered))
        }
        return NationView(
            demands: demands, results: results, run: run, chart: chart,
            pageCount: max(1, (total + perPage - 1) / perPage),
            calendar: settings.flatMap { MonthCalendar(startMonth: $0.startMonth) })
    }
}

/// The number fields of the demand forms, read from their text: nil where they do not read, each such problem
/// named as the form names the field.
struct DemandFormNumbers {
    var qty: Double?
    var dueMonth: Int?
    var priority: Int?
    var errors: [String] = []

    init(qty: String?, dueMonth: String?, priority: String?, calendar: MonthCalendar?) {
        self.qty = FormNumber.number(qty)
        self.dueMonth = calendar?.index(of: dueMonth ?? "")
        self.priority = FormNumber.integer(priority)
        if self.qty == nil { errors.append("qty: must be a number") }
        if self.dueMonth == nil { errors.append("due_month: must be a month as YYYY-MM") }
        if self.priority == nil { errors.append("priority: must be a whole number from 1 to 5") }
    }

    /// The editors' problems with the API's field names changed to the form's.
    static func formNames(_ problems: [String]) -> [String] {
        problems.map { $0.replacingOccurrences(of: "dueMonth:", with: "due_month:") }
    }
}
