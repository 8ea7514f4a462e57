import Fluent
import Foundation
import SQLKit
import Testing

@testable import RampartServer

/// Migration 012 moves the deliveries of stored runs from "month:qty" text into `plan_deliveries`.
@Suite struct PlanDeliveriesMigrationTests {
    @Test func migration012MovesStoredDeliveriesIntoTheirTableAndBack() async throws {
        try await withTestApp { app in
            // One connection throughout: SQLite's other connections may hold the schema from before an ALTER TABLE.
            try await app.db.withConnection { db in
                // setup: a run stored before 012, with one result whose deliveries are text
                let run = PlanRunRecord(requestedBy: nil, scenarioName: "fixture", demandCount: 2, createdAt: app.rampart.clock.now())
                run.status = .succeeded
                try await run.create(on: db)
                let runID = try run.requireID()
                let served = Self.result(run: runID, code: "FR-1")
                let unserved = Self.result(run: runID, code: "FR-2")
                try await served.create(on: db)
                try await unserved.create(on: db)
                try await MovePlanDeliveries().revert(on: db)
                let sql = try SQLAccess.sql(db)
                try await sql.raw("UPDATE plan_demand_results SET deliveries = '3:10.5,5:2.0,x:1' WHERE demand_code = 'FR-1'").run()

                // MUT
                try await MovePlanDeliveries().prepare(on: db)

                // validate: the pairs that read are rows of their own; the text column is gone
                let moved = try await PlanDeliveries.byResult([served.requireID(), unserved.requireID()], on: db)
                #expect(moved[try served.requireID()] == [.init(month: 3, qty: 10.5), .init(month: 5, qty: 2)])
                #expect(moved[try unserved.requireID()] == nil)
                await #expect(throws: (any Error).self) {
                    try await sql.raw("SELECT deliveries FROM plan_demand_results").run()
                }

                // and reverting writes the text back
                try await MovePlanDeliveries().revert(on: db)
                struct Row: Decodable { var demand_code: String; var deliveries: String }
                let text = try await sql.raw("SELECT demand_code, deliveries FROM plan_demand_results ORDER BY demand_code")
                    .all(decoding: Row.self)
                #expect(text.map(\.deliveries) == ["3:10.5,5:2.0", ""])
                try await MovePlanDeliveries().prepare(on: db)
            }
        }
    }

    static func result(run: UUID, code: String) -> PlanDemandResultRecord {
        let record = PlanDemandResultRecord()
        record.id = UUID()
        record.planRunID = run; record.demandCode = code; record.nation = "FR"; record.target = "X"; record.qty = 20
        record.dueMonth = 3; record.priority = 1; record.released = false; record.onTimeUnits = 10.5; record.lateUnits = 2
        record.unservedUnits = 7.5; record.lastDeliveryMonth = 5
        return record
    }
}
