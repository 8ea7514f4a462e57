import Fluent
import Plot
import RampartCore
import SQLKit
import Vapor

/// A company's lines and supplies, and editing one's lead time and capacity schedule.
struct IndustryPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.lines, use: index)
        routes.get(.linesCSV, use: linesCSV)
        routes.get(.source(.any), use: editForm)
        routes.post(.source(.any), use: update)
    }

    static let perPage = 100

    @Sendable func index(req: Request) async throws -> HTML {
        let person = try req.require { $0.isStaff || $0.role == .industry }
        let company = person.principal.isStaff ? nil : (person.user.company ?? "")
        let query = try TableQuery(req, SourceList.spec)
        let (sources, total, all) = try await SourceList.page(company: company, query: query, per: Self.perPage, on: req.db)
        let steps = try await Self.steps(for: sources.map(\.code), on: req.db)
        let calendar = try await ScenarioSettingsRecord.calendar(on: req.db)
        let rows = sources.map { source in
            LinesPage.SourceRow(
                code: source.code, kind: source.kind, company: source.company, country: source.country,
                item: source.item_code, leadTimeMonths: source.lead_time_months,
                capacitySummary: SourceEditor.describe(steps[source.code] ?? [], calendar: calendar),
                editPath: AccessPolicy.canEditSource(person.principal, company: source.company)
                    ? SiteRoute.source(source.code).path : nil)
        }
        return LinesPage.render(
            req.pageContext(title: "Industry"),
            .init(
                company: person.user.company.flatMap { person.principal.isStaff ? nil : $0 }, rows: rows, query: query,
                summary: TableCount.text(
                    shown: rows.count, matching: total, all: all, noun: ("line or supply", "lines and supplies"), narrowed: query.isNarrowed
                ),
                pageCount: max(1, (total + Self.perPage - 1) / Self.perPage)))
    }

    /// The lines and supplies the page's query leaves, as CSV, capacity as one row per step.
    @Sendable func linesCSV(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .industry }
        let company = person.principal.isStaff ? nil : (person.user.company ?? "")
        var query = try TableQuery(req, SourceList.spec)
        query.page = 1
        let (sources, _, _) = try await SourceList.page(company: company, query: query, per: Int(Int32.max), on: req.db)
        let steps = try await Self.steps(for: sources.map(\.code), on: req.db)
        let calendar = try await ScenarioSettingsRecord.calendar(on: req.db)
        var rows: [[CSVTable.Cell]] = []
        for source in sources {
            let schedule = steps[source.code] ?? []
            for step in schedule.isEmpty ? [nil] : schedule.map(Optional.some) {
                rows.append([
                    .text(source.code), .text(source.kind), .text(source.company), .text(source.country), .text(source.item_code),
                    .integer(source.lead_time_months), .text(step.map { calendar?.label($0.0) ?? String($0.0) } ?? ""),
                    .number(step?.1),
                ])
            }
        }
        let csv = CSVTable(
            header: ["code", "kind", "company", "country", "item", "lead time months", "capacity from", "units per month"], rows: rows)
        return CSVDownload.response(csv, filename: company.map { "lines-\($0).csv" } ?? "lines.csv")
    }

    @Sendable func editForm(req: Request) async throws -> HTML {
        let source = try await editableSource(req)
        let steps = try await Self.steps(for: [source.code], on: req.db)[source.code] ?? []
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        var model = Self.editModel(source, steps: steps, errors: [], conflict: false, settings: settings)
        model.load = try await Self.latestLoad(of: source.code, kind: source.kind, on: req.db)
        return SourceEditPage.render(req.pageContext(title: "\(source.code)"), model)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let source = try await editableSource(req)
        let form = try req.content.decode([String: String].self)
        guard let version = FormNumber.integer(form["version"]) else { throw InputError("version", "missing; reload the form") }
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        var errors: [String] = []
        let lead = FormNumber.integer(form["lead_time_months"])
        if lead == nil { errors.append("lead_time_months: must be a whole number of months, such as 3") }
        let typed = SourceStepsForm(form, calendar: settings?.calendar, horizon: settings?.horizonMonths ?? 0)
        errors += typed.problems
        if errors.isEmpty {
            do {
                _ = try await SourceEditor.update(
                    source.code, with: SourcePatch(leadTimeMonths: lead, capacity: typed.steps, version: version),
                    by: person, now: req.now, on: req.db)
                return FlashNotice.redirect(req, to: .lines, saying: "\(source.code) saved.")
            } catch let error as InputError {
                if error.status == .conflict {
                    let fresh = try await editableSource(req)
                    let freshSteps = try await Self.steps(for: [fresh.code], on: req.db)[fresh.code] ?? []
                    var conflicted = Self.editModel(fresh, steps: freshSteps, errors: error.problems, conflict: true, settings: settings)
                    conflicted.load = try await Self.latestLoad(of: fresh.code, kind: fresh.kind, on: req.db)
                    let page = SourceEditPage.render(req.pageContext(title: fresh.code), conflicted)
                    return try await page.encodeResponse(status: .conflict, for: req)
                }
                errors = error.problems.map(typed.formName)
            }
        }
        var model = SourceEditPage.Model(
            code: source.code, kind: source.kind, item: source.itemCode, leadTimeMonths: form["lead_time_months"] ?? "",
            steps: typed.rows + Array(repeating: .init(from: "", perMonth: ""), count: SourceEditPage.blankRows), version: version,
            errors: errors, conflict: false)
        (model.firstMonth, model.lastMonth) = NationPages.monthRange(settings)
        model.load = try await Self.latestLoad(of: source.code, kind: source.kind, on: req.db)
        return try await SourceEditPage.render(req.pageContext(title: source.code), model).encodeResponse(
            status: .unprocessableEntity, for: req)
    }

    private func editableSource(_ req: Request) async throws -> SourceRecord {
        try await SourceEditor.editable(req.parameter(.code), by: try req.requireSignedIn(), on: req.db)
    }

    /// The source's use in the latest succeeded plan run, as its page draws it.
    static func latestLoad(of code: String, kind: String, on db: any Database) async throws -> SourceEditPage.Load? {
        guard let run = try await PlanRuns.latestSucceeded(on: db), let runID = run.id,
            let record = try await PlanSourceLoadRecord.query(on: db).filter(\.$planRunID == runID).filter(\.$sourceCode == code).first(),
            let load = record.load
        else { return nil }
        let calendar = try await ScenarioSettingsRecord.calendar(on: db)
        let count = min(load.used.count, load.capacity.count)
        let months = (0..<count).map { calendar?.label($0) ?? "M\($0)" }
        let full = (0..<count).filter { load.capacity[$0] > 0 && load.used[$0] >= load.capacity[$0] * (1 - 1e-6) }.count
        let runName = run.displayName
        return SourceEditPage.Load(
            runName: runName, runPath: SiteRoute.plan(id: runID.uuidString).path,
            chart: SVGChart.loadAgainstCapacity(
                months: months, used: load.used, capacity: load.capacity, title: "\(code): use against capacity by month"),
            fullMonths: full, months: months.count, used: load.used.reduce(0, +), capacity: load.capacity.reduce(0, +))
    }

    /// Each source's capacity steps, in month order. Read as plain rows: a page of 100 lines has hundreds of steps,
    /// and decoding them as Fluent models was a tenth of the lines page's time.
    static func steps(for codes: [String], on db: any Database) async throws -> [String: [(Int, Double)]] {
        guard !codes.isEmpty else { return [:] }
        // Read column by column: a page's 50 lines hold a few hundred steps, and decoding each row through Codable
        // was a tenth of the page's time.
        let rows = try await SQLAccess.sql(db).raw(
            "SELECT source_code, from_month, per_month FROM \(ident: CapacityStepRecord.schema) WHERE source_code IN (\(binds: codes)) ORDER BY from_month"
        ).all().map { row in
            (
                source_code: try row.decode(column: "source_code", as: String.self),
                from_month: try row.decode(column: "from_month", as: Int.self),
                per_month: try row.decode(column: "per_month", as: Double.self)
            )
        }
        return Dictionary(grouping: rows, by: \.source_code).mapValues { $0.map { ($0.from_month, $0.per_month) } }
    }

    static func editModel(
        _ s: SourceRecord, steps: [(Int, Double)], errors: [String], conflict: Bool, settings: ScenarioSettingsRecord?
    ) -> SourceEditPage.Model {
        let calendar = settings?.calendar
        var model = SourceEditPage.Model(
            code: s.code, kind: s.kind, item: s.itemCode, leadTimeMonths: "\(s.leadTimeMonths)",
            steps: steps.map { SourceEditPage.StepRow(from: calendar?.label($0.0) ?? String($0.0), perMonth: Format.exact($0.1)) }
                + Array(repeating: .init(from: "", perMonth: ""), count: SourceEditPage.blankRows),
            version: s.version, errors: errors, conflict: conflict)
        (model.firstMonth, model.lastMonth) = NationPages.monthRange(settings)
        return model
    }
}
