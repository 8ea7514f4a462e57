import Fluent
import Plot
import RampartCore
import Vapor

/// One demand in a plan run: its outcome, deliveries by month and where its units came from. Its nation's delegates
/// and Alliance staff read it, as they read the nation's page.
struct PlanDemandPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.planDemand(id: .any, code: .any), use: show)
        routes.get(.planFile(id: .any)) { req in try await PlanFileDownload.response(req, run: req.parameter(.id, as: UUID.self)) }
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        let principal = person.principal
        guard let id = req.parameter(.id, as: UUID.self), let run = try await PlanRunRecord.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "no such plan run")
        }
        let code = req.parameter(.code)
        guard
            let result = try await PlanDemandResultRecord.query(on: req.db).filter(\.$planRunID == id).filter(\.$demandCode == code).first()
        else { throw Abort(.notFound, reason: "demand \(code) is not in this plan run") }
        // Another nation's demand is not there for this reader, as the API answers: whether it exists is not theirs to know.
        guard AccessPolicy.canReadNationView(principal, nation: result.nation) else {
            throw Abort(.notFound, reason: "demand \(code) is not in this plan run")
        }
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        func month(_ index: Int) -> String { calendar?.label(index) ?? "month \(index)" }
        let deliveries = try await PlanDeliveries.byResult([try result.requireID()], on: req.db)[try result.requireID()] ?? []
        var cumulative = 0.0
        let deliveryRows = deliveries.map { delivery -> PlanDemandPage.DeliveryRow in
            cumulative += delivery.qty
            return PlanDemandPage.DeliveryRow(
                monthLabel: month(delivery.month), qty: delivery.qty, cumulative: cumulative, onTime: delivery.month <= result.dueMonth)
        }
        let horizon = settings?.horizonMonths ?? ((deliveries.map(\.month).max() ?? result.dueMonth) + 1)
        var demanded = Array(repeating: 0.0, count: max(0, horizon)), delivered = demanded
        if demanded.indices.contains(result.dueMonth) { demanded[result.dueMonth] = result.qty }
        for delivery in deliveries where delivered.indices.contains(delivery.month) { delivered[delivery.month] += delivery.qty }
        let chart =
            horizon > 0
            ? MonthlySeries(
                monthLabels: (0..<horizon).map(month), demanded: Cumulative.sums(demanded), delivered: Cumulative.sums(delivered)) : nil
        let stored = try await PlanPeggingRecord.query(on: req.db).filter(\.$resultID == result.requireID()).first()
        let pegging = StoredPegging(json: stored?.peggingJSON)
        let companies = try await Self.companies(of: pegging?.entries.compactMap(\.source) ?? [], on: req.db)
        let pegRows = pegging?.entries.map { entry in
            let company = entry.source.flatMap { companies[$0] }
            return PlanDemandPage.PegRow(
                origin: Self.origin(entry),
                originPath: entry.source.flatMap { source in
                    company.map { AccessPolicy.canReadSource(principal, company: $0) } == true ? SiteRoute.source(source).path : nil
                },
                startedLabel: entry.started.map(month), availableLabel: entry.kind == "stock" ? "in stock" : month(entry.available),
                deliveredLabel: month(entry.delivered), qty: entry.qty)
        }
        let demandExists = try await DemandRecord.query(on: req.db).filter(\.$code == result.demandCode).count() > 0
        let runName = run.displayName
        let model = PlanDemandPage.Model(
            runName: runName, runPath: SiteRoute.plan(id: id.uuidString).path, demand: result.demandCode,
            nationName: Alliance.name(of: result.nation), nationPath: SiteRoute.nation(result.nation).path, target: result.target,
            qty: result.qty, dueLabel: month(result.dueMonth), priority: result.priority, released: result.released,
            onTime: result.onTimeUnits, late: result.lateUnits, unserved: result.unservedUnits,
            firstDeliveryLabel: result.firstDeliveryMonth.map(month), lastDeliveryLabel: result.lastDeliveryMonth.map(month),
            monthsLate: result.lateUnits > 0 ? result.lastDeliveryMonth.map { max(0, $0 - result.dueMonth) } : nil,
            weightedLateness: result.weightedLateness, causes: result.causes, causesNotKept: result.causesNotKept, deliveries: deliveryRows,
            chart: chart, pegging: pegRows,
            marking: Releasability.nationOnly(result.nation).marking,
            editPath: AccessPolicy.canEditDemands(principal, nation: result.nation) && demandExists
                ? SiteRoute.demand(result.demandCode).path : nil)
        return PlanDemandPage.render(req.pageContext(title: "\(result.demandCode) in \(runName.lowercased())"), model)
    }

    static func origin(_ entry: StoredPegging.Entry) -> String {
        switch entry.kind {
        case "line": "Line \(entry.source ?? "")"
        case "supply": "Supply \(entry.source ?? "")"
        default: "Stock"
        }
    }

    /// The company of each line and supply named, as recorded now.
    static func companies(of codes: [String], on db: any Database) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let sources = try await SourceRecord.query(on: db).filter(\.$code ~~ Array(Set(codes))).all()
        return Dictionary(sources.map { ($0.code, $0.company) }, uniquingKeysWith: { first, _ in first })
    }
}
