/// What a demand asks for: one item, or any item of a class.
public enum DemandTarget: Sendable, Hashable, CustomStringConvertible {
    case item(String)
    case itemClass(String)

    /// From a demand's two fields: the item when it names one, else the class (`""` when neither, which validation
    /// refuses).
    public init(item: String?, itemClass: String?) {
        if let item { self = .item(item) } else { self = .itemClass(itemClass ?? "") }
    }

    private static let classPrefix = "class:"

    /// The key reports, summaries and signals group by: the item id, or `class:NAME`.
    public var key: String {
        switch self {
        case .item(let id): return id
        case .itemClass(let name): return Self.classPrefix + name
        }
    }

    public var description: String { key }

    public var isClass: Bool {
        if case .itemClass = self { return true }
        return false
    }

    /// The item id or the class name, without the prefix.
    public var name: String {
        switch self {
        case .item(let id), .itemClass(let id): return id
        }
    }
}

extension Demand {
    public var target: DemandTarget { DemandTarget(item: item, itemClass: itemClass) }
}
