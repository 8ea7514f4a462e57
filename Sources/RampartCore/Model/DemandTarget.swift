/// What a demand asks for: one item, any item of a class, or any item of a list.
public enum DemandTarget: Sendable, Hashable, CustomStringConvertible {
    case item(String)
    case itemClass(String)
    /// Distinct item ids, in the order the demand lists them.
    case items([String])

    /// From a demand's two fields: the item when it names one, else the class (`""` when neither, which validation
    /// refuses).
    public init(item: String?, itemClass: String?) {
        if let item { self = .item(item) } else { self = .itemClass(itemClass ?? "") }
    }

    private static let classPrefix = "class:"
    private static let itemsPrefix = "items:"

    /// The key reports, summaries and signals group by: the item id, `class:NAME`, or `items:` and the listed ids in
    /// ascending order joined by commas (two demands listing the same items in another order share a key).
    public var key: String {
        switch self {
        case .item(let id): return id
        case .itemClass(let name): return Self.classPrefix + name
        case .items(let ids): return Self.itemsPrefix + ids.sorted().joined(separator: ",")
        }
    }

    public var description: String { key }

    public var isClass: Bool {
        if case .itemClass = self { return true }
        return false
    }

    /// The item id, the class name, or the listed ids joined by commas, without a prefix.
    public var name: String {
        switch self {
        case .item(let id), .itemClass(let id): return id
        case .items(let ids): return ids.joined(separator: ", ")
        }
    }
}

extension Demand {
    public var target: DemandTarget {
        if item == nil, itemClass == nil, let items { return .items(items) }
        return DemandTarget(item: item, itemClass: itemClass)
    }
}

extension DemandTarget {
    /// Whether the demand may take more than one kind of item (a class or a list), so that the planner chooses among
    /// them.
    public var offersChoice: Bool {
        if case .item = self { return false }
        return true
    }

    /// The target demands are grouped by: a list's ids in ascending order (the order a demand lists them in means
    /// nothing), the others as they are.
    public var canonical: DemandTarget {
        if case .items(let ids) = self { return .items(ids.sorted()) }
        return self
    }

    /// The scenario's items that may serve a demand of this target (planning-model.md, "Meaning of a plan"): its
    /// item, the items of its class, or the items it lists; as scenario indices in ascending order, unknown ids left
    /// out. `classItems` holds each class's items in ascending order.
    public func eligibleItems(itemIndex: [String: Int], classItems: [String: [Int]]) -> [Int] {
        switch self {
        case .item(let id): return itemIndex[id].map { [$0] } ?? []
        case .itemClass(let name): return classItems[name] ?? []
        case .items(let ids): return Array(Set(ids.compactMap { itemIndex[$0] })).sorted()
        }
    }
}
