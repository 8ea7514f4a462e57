import Fluent
import Foundation
import RampartCore

/// A line's or supply's use in a plan run against its capacity then, month by month (`StoredSourceLoad` as JSON):
/// what its page draws. One row per source and run; the company is kept so the row's readers are known without the
/// source, which may since have gone.
final class PlanSourceLoadRecord: Model, @unchecked Sendable {
    static let schema = "plan_source_loads"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_run_id") var planRunID: UUID
    @Field(key: "source_code") var sourceCode: String
    @Field(key: "is_line") var isLine: Bool
    @Field(key: "company") var company: String
    @Field(key: "item_code") var itemCode: String
    @Field(key: "load") var loadJSON: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $planRunID, $sourceCode, $isLine, $company, $itemCode, $loadJSON] }

    init() {}

    /// The columns and values of `BulkInsert`, in one order.
    static let columns = ["id", "plan_run_id", "source_code", "is_line", "company", "item_code", "load"]
    var row: [any Encodable & Sendable] { [id ?? UUID(), planRunID, sourceCode, isLine, company, itemCode, loadJSON] }

    init(planRunID: UUID, load: SourceLoad, company: String, item: String) {
        self.id = UUID()
        self.planRunID = planRunID
        self.sourceCode = load.source
        self.isLine = load.isLine
        self.company = company
        self.itemCode = item
        self.loadJSON = StoredSourceLoad(load).json
    }

    var load: StoredSourceLoad? { StoredSourceLoad(json: loadJSON) }
}

/// How a source's load is stored: its own versioned shape, not the core's type.
struct StoredSourceLoad: Codable, Equatable, Sendable {
    var version = 1
    /// Units started or ordered in each month of the horizon.
    var used: [Double]
    var capacity: [Double]

    init(_ load: SourceLoad) {
        used = load.used
        capacity = load.capacity
    }

    init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)), decoded.version == 1 else { return nil }
        self = decoded
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }
}

/// Where one demand result's delivered units came from (`StoredPegging` as JSON), beside the result: only a demand's
/// page reads it, so the results' rows that every list reads stay small.
final class PlanPeggingRecord: Model, @unchecked Sendable {
    static let schema = "plan_result_peggings"

    @ID(key: .id) var id: UUID?
    @Field(key: "result_id") var resultID: UUID
    @Field(key: "plan_run_id") var planRunID: UUID
    @Field(key: "pegging") var peggingJSON: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $resultID, $planRunID, $peggingJSON] }

    init() {}

    /// The columns and values of `BulkInsert`, in one order.
    static let columns = ["id", "result_id", "plan_run_id", "pegging"]
    var row: [any Encodable & Sendable] { [id ?? UUID(), resultID, planRunID, peggingJSON] }

    init(resultID: UUID, planRunID: UUID, pegging: StoredPegging) {
        self.id = UUID()
        self.resultID = resultID
        self.planRunID = planRunID
        self.peggingJSON = pegging.json
    }
}

/// How a demand's pegging is stored beside its result: its own versioned shape, short keys, one entry per origin and
/// delivery month.
struct StoredPegging: Codable, Equatable, Sendable {
    struct Entry: Codable, Equatable, Sendable {
        /// "stock", "line" or "supply".
        var kind: String
        var source: String?
        var started: Int?
        var available: Int
        var delivered: Int
        var qty: Double
    }

    var version = 1
    var entries: [Entry]

    init(_ lots: [PlanPegging.Lot]) {
        entries = lots.map {
            Entry(
                kind: $0.kind.rawValue, source: $0.source, started: $0.startMonth, available: $0.availableMonth,
                delivered: $0.deliveryMonth, qty: $0.qty)
        }
    }

    init?(json: String?) {
        guard let json, let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)), decoded.version == 1 else {
            return nil
        }
        self = decoded
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }
}
