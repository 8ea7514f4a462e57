import Fluent
import RampartCore

/// Which nation codes name a nation: the Allies and partners of the core's list, and the nations a scenario import
/// recorded (master data). Anything else in an address is no nation: its pages answer 404 and no demand is entered for it.
enum NationDirectory {
    static func exists(_ code: String, on db: any Database) async throws -> Bool {
        if Alliance.nation(code) != nil { return true }
        return try await NationRecord.query(on: db).filter(\.$code == code).count() > 0
    }
}
