import Fluent
import Foundation
import RampartCore
import Vapor

/// A run page's tables of nations, classes or items, and bottlenecks, as CSV: the rows the page shows this reader,
/// with its columns, marked as the page is.
struct PlanTablesCSV: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.planNationsCSV(id: .any), use: nations)
        routes.get(.planTargetsCSV(id: .any), use: targets)
        routes.get(.planBottlenecksCSV(id: .any), use: bottlenecks)
        routes.get(.plansCSV, use: runs)
    }

    /// The list of runs (the latest 50, as the page shows them), with their figures for those who read them.
    @Sendable func runs(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let rows = try await PlanPages.listedRuns(for: person.principal, on: req.db)
        let table = CSVTable(
            header: ["run", "status", "started", "requested by", "objective", "weighted lateness"],
            rows: rows.map {
                [
                    .text($0.name), .text($0.status.rawValue), .text($0.createdAt), .text($0.requestedBy ?? ""),
                    .text($0.objective.rawValue), .number($0.weightedLateness),
                ]
            })
        return CSVDownload.response(table, filename: "plan-runs.csv")
    }

    /// The run and its summary, for a reader who may read its figures (404 for a run that is not there or has none).
    private func load(_ req: Request) async throws -> (run: PlanRunRecord, summary: PlanRunSummary, principal: Principal) {
        let person = try req.requireSignedIn()
        guard AccessPolicy.canReadPlanFigures(person.principal) else {
            throw Abort(.forbidden, reason: "a plan's figures are for Alliance staff, delegates and industry")
        }
        guard let id = req.parameter(.id, as: UUID.self), let run = try await PlanRunRecord.find(id, on: req.db),
            let summary = try await PlanRunSummaries.load(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such finished plan run") }
        return (run, summary, person.principal)
    }

    @Sendable func nations(req: Request) async throws -> Response {
        let (run, summary, principal) = try await load(req)
        guard principal.isStaff || principal.role == .delegate else {
            throw Abort(.forbidden, reason: "each nation's outcome is shown to Alliance staff and to that nation's delegates")
        }
        let rows = summary.nationRows(visibleTo: principal)
        let table = CSVTable(
            header: [
                "nation", "code", "demands", "on time", "late", "short", "mean delay (months)", "weighted lateness",
            ],
            rows: rows.map { row in
                [
                    .text(Alliance.name(of: row.nation)), .text(row.nation), .integer(row.demands?.demands),
                    .integer(row.demands?.onTime), .integer(row.demands?.late), .integer(row.demands?.unserved),
                    .number(row.late > 0 ? row.meanDelayMonths : nil), .number(row.weightedLateness),
                ]
            },
            marking: PlanPages.marking(principal))
        return CSVDownload.response(table, filename: run.csvFilename("nations", nation: principal.isStaff ? nil : principal.nation))
    }

    @Sendable func targets(req: Request) async throws -> Response {
        let (run, summary, principal) = try await load(req)
        guard let scope = PlanPages.targetScope(principal) else {
            throw Abort(.forbidden, reason: "totals per class or item are shown to Alliance staff, delegates and industry")
        }
        guard let rows = summary.targetRows(nation: scope.nation) else {
            throw Abort(.notFound, reason: "this run was stored before totals per class or item were kept")
        }
        let table = CSVTable(
            header: ["class or item", "demands", "units", "on time", "late", "unserved", "weighted lateness"],
            rows: rows.map { row in
                [
                    .text(row.target), .integer(row.demands.demands), .number(row.qty), .number(row.onTime), .number(row.late),
                    .number(row.unserved), .number(row.weightedLateness),
                ]
            },
            marking: PlanPages.marking(principal))
        return CSVDownload.response(table, filename: run.csvFilename("targets", nation: scope.nation))
    }

    @Sendable func bottlenecks(req: Request) async throws -> Response {
        let (run, summary, principal) = try await load(req)
        guard AccessPolicy.canReadPlanDetail(principal) else {
            throw Abort(.forbidden, reason: "bottlenecks name lines and suppliers: they are shown to Alliance staff")
        }
        let calendar = try await ScenarioSettingsRecord.query(on: req.db).first()?.calendar
        let table = CSVTable(
            header: [
                "source", "kind", "company", "country", "item", "full in", "extra per month", "weighted lateness saved",
                "saved per extra unit",
            ],
            rows: summary.bottlenecks.map { b in
                [
                    .text(b.source), .text(b.kind), .text(b.owner), .text(b.country), .text(b.item),
                    .text(PlanPages.months(b.saturatedMonths, calendar: calendar)), .number(b.extraPerMonth),
                    .number(b.weightedLatenessSaved), .number(b.savedPerExtraUnit),
                ]
            },
            marking: PlanPages.marking(principal))
        return CSVDownload.response(table, filename: run.csvFilename("bottlenecks", nation: nil))
    }
}
