import Fluent
import Plot
import RampartCore
import SQLKit
import Vapor

/// A plan run compared with another (by default the one before it): staff for every nation, a delegate for theirs.
struct PlanComparePages: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.planCompare(id: .any), use: show)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        guard let scope = PlanPages.lateScope(person.principal) else { throw Abort(.forbidden) }
        guard let id = req.parameter(.id, as: UUID.self), let run = try await PlanRunRecord.find(id, on: req.db), run.status == .succeeded
        else { throw Abort(.notFound, reason: "no finished plan run with that id") }
        let page = try req.pageNumber
        let others = try await PlanRunRecord.query(on: req.db).filter(\.$status == .succeeded).filter(\.$id != id)
            .sort(\.$createdAt, .descending).range(..<50).all()
        var against: PlanRunRecord?
        if let text = req.query[String.self, at: "against"], !text.isEmpty {
            guard let otherID = UUID(uuidString: text), let other = try await PlanRunRecord.find(otherID, on: req.db),
                other.status == .succeeded, otherID != id
            else { throw InputError("against", "must be another finished plan run") }
            against = other
        } else {
            against = others.first { ($0.createdAt ?? .distantPast) < (run.createdAt ?? .distantPast) } ?? others.first
        }
        let calendar = try await ScenarioSettingsRecord.calendar(on: req.db)
        func month(_ index: Int?) -> String { index.map { calendar?.label($0) ?? "month \($0)" } ?? "none" }
        var model = PlanComparePage.Model(
            runName: Self.name(run), runPath: SiteRoute.plan(id: id.uuidString).path,
            comparePath: SiteRoute.planCompare(id: id.uuidString).path,
            choices: others.map { ($0.id?.uuidString ?? "", Self.name($0)) }, against: against?.id?.uuidString,
            againstName: against.map(Self.name), summary: "", nations: [], demands: [], page: page, pageCount: 1,
            marking: (scope.nation.map(Releasability.nationOnly) ?? .staffOnly).marking)
        if let against, let againstID = against.id {
            let comparison = RunComparison(
                before: try await Self.outcomes(run: againstID, nation: scope.nation, on: req.db),
                after: try await Self.outcomes(run: id, nation: scope.nation, on: req.db))
            model.summary = Self.summary(comparison)
            model.nations = comparison.nations.map {
                PlanComparePage.NationRow(
                    nationName: Alliance.name(of: $0.nation), weightedBefore: $0.weightedLatenessBefore,
                    weightedAfter: $0.weightedLatenessAfter,
                    unservedBefore: $0.unservedUnitsBefore, unservedAfter: $0.unservedUnitsAfter, later: $0.later, earlier: $0.earlier)
            }
            let offset = PageRules.offset(page: page, per: Self.perPage)
            model.pageCount = max(1, (comparison.demands.count + Self.perPage - 1) / Self.perPage)
            model.demands = comparison.demands.dropFirst(offset).prefix(Self.perPage).map { change in
                PlanComparePage.DemandRow(
                    demand: change.demand,
                    demandPath: change.after == nil ? nil : SiteRoute.planDemand(id: id.uuidString, code: change.demand).path,
                    nationName: Alliance.name(of: change.nation), change: change.change,
                    dueLabel: month((change.after ?? change.before)?.dueMonth), lastBefore: month(change.before?.lastDeliveryMonth),
                    lastAfter: month(change.after?.lastDeliveryMonth), weightedBefore: change.before?.weightedLateness,
                    weightedAfter: change.after?.weightedLateness, weightedChange: change.weightedLatenessChange)
            }
        }
        return PlanComparePage.render(req.pageContext(title: "\(Self.name(run)) compared"), model)
    }

    static func name(_ run: PlanRunRecord) -> String {
        run.displayName
    }

    static func summary(_ c: RunComparison) -> String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? "1 \(one)" : "\(Format.integer(count)) \(many)" }
        return [
            n(c.count(.later), "demand got later", "demands got later"), n(c.count(.earlier), "got earlier", "got earlier"),
            n(c.unchangedCount, "is unchanged", "are unchanged"), n(c.count(.added), "is new", "are new"),
            n(c.count(.removed), "is no longer planned", "are no longer planned"),
        ].joined(separator: ", ") + " (by weighted lateness)."
    }

    /// A run's stored outcome of every demand, of `nation` only when given.
    static func outcomes(run: UUID, nation: String?, on db: any Database) async throws -> [RunComparison.Outcome] {
        struct Row: Decodable {
            var demand_code: String
            var nation: String
            var qty: Double
            var due_month: Int
            var last_delivery_month: Int?
            var weighted_lateness: Double?
            var on_time_units: Double
            var unserved_units: Double
        }
        let sql = try SQLAccess.sql(db)
        let nationFilter: SQLQueryString = nation.map { " AND nation = \(bind: $0)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT demand_code, nation, qty, due_month, last_delivery_month, weighted_lateness, on_time_units, unserved_units
            FROM plan_demand_results WHERE plan_run_id = \(bind: run)
            """ + nationFilter
        ).all(decoding: Row.self)
        return rows.map {
            RunComparison.Outcome(
                demand: $0.demand_code, nation: $0.nation, qty: $0.qty, dueMonth: $0.due_month, lastDeliveryMonth: $0.last_delivery_month,
                weightedLateness: $0.weighted_lateness ?? 0, onTimeUnits: $0.on_time_units, unservedUnits: $0.unserved_units)
        }
    }
}
