import Fluent
import Foundation
import RampartCore

/// The registry and the standardisation metrics, read for the pages and the API.
enum StandardsReads {
    struct Registry: Sendable {
        var standards: [StandardRecord]
        var ratifications: [RatificationRecord]
        var conformances: [StandardItemRecord]

        func items(of code: String) -> [String] { conformances.filter { $0.standardCode == code }.map(\.itemCode).sorted() }
        func ratifications(of code: String) -> [RatificationRecord] {
            ratifications.filter { $0.standardCode == code }.sorted { $0.nation < $1.nation }
        }
    }

    static func registry(on db: any Database) async throws -> Registry {
        Registry(
            standards: try await StandardRecord.query(on: db).sort(\.$code).all(),
            ratifications: try await RatificationRecord.query(on: db).sort(\.$standardCode).sort(\.$nation).all(),
            conformances: try await StandardItemRecord.query(on: db).sort(\.$standardCode).sort(\.$itemCode).all())
    }

    struct Metrics: Sendable {
        var asOf: CalendarDay
        var standings: [StandardisationMetrics.NationStanding]
        var unstandardised: [String]
        /// Nil for readers who may not see which systems nations operate.
        var gaps: [StandardisationMetrics.Gap]?
        var closers: [StandardisationMetrics.Closer]?
    }

    /// The metrics as of `now`'s day (UTC), for the Allies of that day; the end items are the scenario's munitions.
    static func metrics(for principal: Principal, now: Date, on db: any Database) async throws -> Metrics {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
        let day = CalendarDay(parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
        let registry = try await registry(on: db)
        let standards = registry.standards.map(\.value)
        let ends = try await ItemRecord.query(on: db).filter(\.$kind == "end").all()
        var metrics = Metrics(
            asOf: day,
            standings: StandardisationMetrics.standings(
                nations: Alliance.allies(on: day).map(\.code), standards: standards, ratifications: registry.ratifications.map(\.value),
                asOf: day),
            unstandardised: StandardisationMetrics.unstandardised(
                items: ends.map(\.code), standards: standards,
                conformances: registry.conformances.map { Conformance(standard: $0.standardCode, item: $0.itemCode) }))
        guard AccessPolicy.canReadInteroperabilityGaps(principal) else { return metrics }
        let fleets = try await FleetRecord.query(on: db).all().map(\.value)
        let qualifications = try await QualificationRecord.query(on: db).all().compactMap(\.value)
        let recognitions = try await RecognitionRecord.query(on: db).all().map(\.value)
        let classOf = Dictionary(ends.compactMap { item in item.itemClass.map { (item.code, $0) } }, uniquingKeysWith: { a, _ in a })
        let found = StandardisationMetrics.gaps(
            matrix: InterchangeabilityMatrix.derive(fleets: fleets, qualifications: qualifications, recognitions: recognitions),
            classOf: classOf, fleets: fleets, qualifications: qualifications)
        metrics.gaps = found.gaps
        metrics.closers = found.closers
        return metrics
    }
}
