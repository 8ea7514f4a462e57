/// A scenario as the reader found it. A nil field was missing or malformed in the file and has
/// already been reported, so the semantic checks skip it; lists keep every element (a malformed
/// element becomes an empty draft) so that indices match the file.
struct ScenarioDraft {
    var version: Int?
    var name: String?
    var startMonth: String?
    var horizonMonths: Int?
    var items: [ItemDraft]?
    var lines: [SourceDraft]?
    var supplies: [SourceDraft]?
    var stocks: [StockDraft]?
    var demands: [DemandDraft]?
}

/// A field the file may leave out.
enum OptionalField<Value> {
    case absent
    case present(Value)
    /// Present but malformed (already reported).
    case invalid

    var value: Value? {
        if case .present(let value) = self { value } else { nil }
    }

    var isAbsent: Bool {
        if case .absent = self { true } else { false }
    }
}

struct ItemDraft {
    var id: String?
    var name: String?
    var kind: ItemKind?
    var itemClass: OptionalField<String> = .absent
    var bom: [BOMDraft]? = []
}

struct BOMDraft {
    var item: String?
    var qty: Double?
}

/// A line or a supply: they differ only in the name of their owner field (`producer`, `supplier`).
struct SourceDraft {
    var id: String?
    var owner: String?
    var country: String?
    var item: String?
    var leadTimeMonths: Int?
    var capacity: [CapacityDraft]?
}

struct CapacityDraft {
    var from: Int?
    var perMonth: Double?
}

struct StockDraft {
    var item: String?
    var qty: Double?
}

struct DemandDraft {
    var id: String?
    var nation: String?
    var item: OptionalField<String> = .absent
    var itemClass: OptionalField<String> = .absent
    /// A malformed element is nil (already reported).
    var items: OptionalField<[String?]> = .absent
    var qty: Double?
    var dueMonth: Int?
    var priority: Int?
}
