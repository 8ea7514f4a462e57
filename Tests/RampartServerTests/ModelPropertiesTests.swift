import Fluent
import Foundation
import RampartCore
import SQLKit
import Testing

@testable import RampartServer

/// Each record lists its Fluent properties by hand (FluentKit's default finds them by reflection on every row,
/// which cost more than the query itself). A field added to a record but not to its list would silently be
/// neither saved nor loaded: this test compares each list with what reflection finds.
@Suite struct ModelPropertiesTests {
    static let records: [any Model.Type] = [
        UserRecord.self, OneTimeCodeRecord.self, WebSessionRecord.self, APITokenRecord.self, RateLimitHitRecord.self,
        AuditRecord.self, DemandRecord.self, ItemRecord.self, BOMEntryRecord.self, OutboxMailRecord.self, NationRecord.self,
        CompanyRecord.self, PlanRunRecord.self, PlanRunFileRecord.self, PlanDemandResultRecord.self, PlanDeliveryRecord.self,
        ScenarioSettingsRecord.self, SourceRecord.self, CapacityStepRecord.self, StockRecord.self, PendingRegistrationRecord.self,
        JobRecord.self, PlanSourceLoadRecord.self, PlanPeggingRecord.self, WeaponSystemRecord.self, FleetRecord.self,
        QualificationRecord.self, RecognitionRecord.self, InterchangeabilityCellRecord.self, InterchangeabilityStateRecord.self,
        DemandStateRecord.self, StandardRecord.self, RatificationRecord.self, StandardItemRecord.self,
        InterchangeabilityMunitionRecord.self,
    ]

    @Test(arguments: records.map { RecordType($0) })
    func listedPropertiesMatchReflection(_ record: RecordType) {
        // setup
        let instance = record.type.init()

        // MUT
        let listed = instance.properties.map { ObjectIdentifier($0 as AnyObject) }

        // validate
        let reflected = Mirror(reflecting: instance).children.compactMap { $0.value as? any AnyProperty }
            .map { ObjectIdentifier($0 as AnyObject) }
        #expect(!listed.isEmpty)
        #expect(listed == reflected, "\(record): the listed properties differ from the declared ones")
    }

    @Test func everyMigratedTableHasAListedRecord() async throws {
        try await withTestApp { app in
            // setup
            let sql = try #require(app.db as? any SQLDatabase)
            let query: SQLQueryString =
                TestDatabase.postgresURL == nil
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"

            // MUT
            let tables = try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }

            // validate
            let listed = Set(Self.records.map { $0.schema })
            #expect(Set(tables).subtracting(["_fluent_migrations"]) == listed)
        }
    }

    struct RecordType: CustomStringConvertible, Sendable {
        let type: any Model.Type
        init(_ type: any Model.Type) { self.type = type }
        var description: String { String(describing: type) }
    }

    /// The records written by `BulkInsert` list their columns by hand too: the same keys as their fields.
    @Test func bulkInsertColumnsAreTheFieldsKeys() {
        func keys(_ record: some Model) -> [String] {
            record.properties.compactMap { ($0 as? any AnyDatabaseProperty)?.keys.first?.description }
        }
        #expect(Set(PlanDemandResultRecord.columns) == Set(keys(PlanDemandResultRecord())))
        #expect(PlanDemandResultRecord.columns.count == PlanDeliveriesMigrationTests.result(run: UUID(), code: "X").row.count)
        #expect(Set(PlanDeliveryRecord.columns) == Set(keys(PlanDeliveryRecord())))
        #expect(PlanDeliveryRecord.columns.count == PlanDeliveryRecord(resultID: UUID(), planRunID: UUID(), month: 0, qty: 0).row.count)
        #expect(Set(PlanSourceLoadRecord.columns) == Set(keys(PlanSourceLoadRecord())))
        #expect(Set(PlanPeggingRecord.columns) == Set(keys(PlanPeggingRecord())))
        #expect(
            PlanPeggingRecord.columns.count == PlanPeggingRecord(resultID: UUID(), planRunID: UUID(), pegging: StoredPegging([])).row.count)
        let load = SourceLoad(source: "L", isLine: true, used: [1], capacity: [2])
        #expect(
            PlanSourceLoadRecord.columns.count == PlanSourceLoadRecord(planRunID: UUID(), load: load, company: "C", item: "I").row.count)
    }
}
