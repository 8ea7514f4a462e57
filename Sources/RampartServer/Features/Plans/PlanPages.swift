import Fluent
import Plot
import RampartCore
import Vapor

/// Plan runs: the list, starting one (staff), and a run's result with its explanations.
struct PlanPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.plans, use: index)
        routes.post(.plans, use: start)
        routes.get(.plan(id: .any), use: show)
    }

    @Sendable func index(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        let runs = try await PlanRunRecord.query(on: req.db).sort(\.$createdAt, .descending).range(..<50).all()
        let names = try await Self.requesterNames(runs.compactMap(\.requestedBy), on: req.db)
        let model = PlansPage.Model(
            runs: runs.map { $0.summaryView(requestedBy: $0.requestedBy.flatMap { names[$0] }, visibleTo: person.principal) },
            canStart: AccessPolicy.canStartPlan(person.principal))
        return PlansPage.render(req.pageContext(title: "Plans"), model)
    }

    @Sendable func start(req: Request) async throws -> Response {
        let person = try req.require(AccessPolicy.canStartPlan)
        let run = try await PlanRuns.enqueue(requestedBy: person.user.id, actor: person.actor, now: req.now, on: req.db)
        return req.redirect(to: .plan(id: run.id?.uuidString ?? ""))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self),
            let run = try await PlanRunRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such plan run") }
        let names = try await Self.requesterNames(run.requestedBy.map { [$0] } ?? [], on: req.db)
        let summary = try await PlanRunSummaries.load(id, on: req.db)
        let principal = person.principal
        // Explanations and bottlenecks name nations, lines and suppliers: staff see them all, a delegate
        // the late demands of their own nation, others the totals only.
        let lateRows = (summary?.late ?? []).filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.nation) }.map {
            PlanDetailPage.LateRow(
                demand: $0.demand, nation: $0.nation, target: $0.target, lateUnits: $0.lateUnits,
                unservedUnits: $0.unservedUnits, weightedLateness: $0.weightedLateness, reason: $0.reason)
        }
        let bottlenecks =
            AccessPolicy.canReadPlanDetail(principal)
            ? (summary?.bottlenecks ?? []).map {
                PlanDetailPage.BottleneckRow(
                    resource: $0.source, kind: $0.kind, saving: $0.weightedLatenessSaved,
                    detail:
                        "\($0.owner) (\($0.country)), \($0.item): saturated in months \($0.saturatedMonths.map(\.description).joined(separator: ", ")); +\(Format.units($0.extraPerMonth))/month"
                )
            } : []
        let model = PlanDetailPage.Model(
            run: run.summaryView(requestedBy: run.requestedBy.flatMap { names[$0] }, visibleTo: principal),
            nationRows: AccessPolicy.canReadPlanFigures(principal) ? summary?.nationRows(visibleTo: principal) ?? [] : [],
            lateRows: lateRows, bottlenecks: bottlenecks)
        return PlanDetailPage.render(req.pageContext(title: "Plan run"), model)
    }

    static func requesterNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await UserRecord.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.displayName) } })
    }
}
