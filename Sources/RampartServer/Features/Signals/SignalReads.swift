import Fluent
import NIOConcurrencyHelpers
import RampartCore
import SQLKit

/// The demand signals each reader may see, summed from the demands by `SignalTables` and kept by each server until
/// the demands' generation (`DemandState`) moves on.
enum SignalReads {
    /// One reader's tables at one generation of the demands.
    struct Snapshot: Sendable {
        var generation: Int
        var tables: SignalTables
        /// Whether every figure that could reveal one nation's requirement is hidden.
        var suppressed: Bool
        var basis: AccessPolicy.SignalBasis
    }

    final class Cache: Sendable {
        private let kept = NIOLockedValueBox<[String: Snapshot]>([:])

        /// The reader's tables, summed again when the demands changed since they were kept.
        func snapshot(for principal: Principal, on db: any Database) async throws -> Snapshot {
            let basis = AccessPolicy.signalBasis(principal)
            let key = SignalReads.key(basis)
            let generation = try await DemandState.generation(on: db)
            if let cached = kept.withLockedValue({ $0[key] }), cached.generation == generation { return cached }
            let fresh = Snapshot(
                generation: generation, tables: try await SignalReads.tables(basis, nations: nil, on: db),
                suppressed: AccessPolicy.readsSuppressedSignals(principal), basis: basis)
            kept.withLockedValue { kept in
                // One entry per basis: all, released, and each delegate's nation; a stale one is replaced.
                kept[key] = fresh
            }
            return fresh
        }
    }

    static func key(_ basis: AccessPolicy.SignalBasis) -> String {
        switch basis {
        case .all: "all"
        case .releasedOnly: "released"
        case .nationAndReleased(let nation): "nation:" + nation
        }
    }

    private struct Row: Decodable {
        var nation: String
        var item_code: String?
        var item_class: String?
        var due_month: Int
        var firm: Bool
        var qty: Double
    }

    /// The tables of the demands `basis` admits, of `nations` only when given (for readers of the whole).
    static func tables(_ basis: AccessPolicy.SignalBasis, nations: [String]?, on db: any Database) async throws -> SignalTables {
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first(),
            let calendar = MonthCalendar(startMonth: settings.startMonth)
        else { return SignalTables.build([]) }
        let admitted: SQLQueryString
        switch basis {
        case .all: admitted = ""
        case .releasedOnly: admitted = " AND released = \(bind: true)"
        case .nationAndReleased(let nation): admitted = " AND (released = \(bind: true) OR nation = \(bind: nation))"
        }
        let chosen: SQLQueryString = nations.map { " AND nation IN (\(binds: $0))" } ?? ""
        let query: SQLQueryString =
            "SELECT nation, item_code, item_class, due_month, firm, SUM(qty) AS qty FROM demands WHERE 1 = 1" + admitted
            + chosen + " GROUP BY nation, item_code, item_class, due_month, firm"
        let rows = try await SQLAccess.sql(db).raw(query).all(decoding: Row.self)
        return SignalTables.build(
            rows.map { row in
                SignalContribution(
                    nation: row.nation, target: DemandTarget(item: row.item_code, itemClass: row.item_class).key,
                    year: calendar.year(of: row.due_month), quantity: row.qty, firm: row.firm)
            })
    }
}
