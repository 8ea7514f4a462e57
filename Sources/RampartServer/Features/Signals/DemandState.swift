import Fluent
import SQLKit

/// The one row (`demand_state`, id 1) whose generation every change to the demands moves on, in the change's
/// transaction: each server's signals (`SignalReads.Cache`) are summed again when it has moved.
enum DemandState {
    static func advance(on db: any Database) async throws {
        try await SQLAccess.sql(db).raw("UPDATE demand_state SET generation = generation + 1 WHERE id = 1").run()
    }

    static func generation(on db: any Database) async throws -> Int {
        try await DemandStateRecord.find(1, on: db)?.generation ?? 0
    }
}
