import Fluent
import Foundation
import RampartCore
import Vapor

/// What a nation's page and its CSV read for one request: the query against the list's spec, the latest run, the
/// page of rows, their totals by target and the chart.
struct NationDemandListing {
    var spec: TableSpec
    var query: TableQuery
    var calendar: MonthCalendar?
    var runID: UUID?
    var runNumber: Int?
    var rows: [NationDemandList.Row]
    var total: Int
    var all: Int
    var totals: [NationDemandList.Total]
    var chart: MonthlySeries?
    /// The class or item the chart is of: the nation's with the most weighted lateness in the run.
    var chartTarget: String? = nil

    /// With `per` 0, only the query and the run (the CSV reads its rows itself).
    static func load(_ req: Request, nation: String, per: Int) async throws -> NationDemandListing {
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        let spec = NationDemandList.spec(calendar: calendar, horizonMonths: settings?.horizonMonths ?? 0)
        let query = try TableQuery(req, spec)
        let run = try await PlanRuns.latestSucceeded(on: req.db)
        var listing = NationDemandListing(
            spec: spec, query: query, calendar: calendar, runID: run?.id, runNumber: run?.number, rows: [], total: 0, all: 0,
            totals: [], chart: nil)
        guard per > 0 else { return listing }
        (listing.rows, listing.total, listing.all) = try await NationDemandList.page(
            nation: nation, run: run?.id, query: query, calendar: calendar, per: per, on: req.db)
        listing.totals = try await NationDemandList.totals(nation: nation, run: run?.id, query: query, calendar: calendar, on: req.db)
        if let runID = run?.id, let settings {
            // One class or item: units of unlike items are not added up.
            listing.chartTarget = try await PlanRunSummaries.load(runID, on: req.db)?.targetRows(nation: nation)?.first?.target
            listing.chart = try await PlanDeliveries.cumulativeSeries(
                run: runID, nation: nation, target: listing.chartTarget, settings: settings, on: req.db)
        }
        return listing
    }
}
