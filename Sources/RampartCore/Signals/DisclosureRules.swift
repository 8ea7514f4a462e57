/// When a published figure would reveal one nation's requirement: the rules every signal shown to industry and
/// observers obeys, defined once.
public enum DisclosureRules {
    /// A published figure sums at least this many nations.
    public static let minimumNations = 3
    /// No nation holds more than this share of a published figure.
    public static let largestShare = 0.8

    /// Why a figure summing these nations' amounts may not be published, or nil when it may. A figure of zero
    /// reveals nobody's requirement and is always published.
    public static func primaryReason(_ amountsByNation: [String: Double]) -> SuppressionReason? {
        let amounts = amountsByNation.values.filter { $0 > 0 }
        let total = amounts.reduce(0, +)
        guard total > 0 else { return nil }
        if amounts.count < minimumNations { return .fewNations }
        if let largest = amounts.max(), largest > largestShare * total { return .dominance }
        return nil
    }
}

/// Why a figure is not published.
public enum SuppressionReason: String, Sendable, Codable, CaseIterable {
    case fewNations = "few-nations"
    case dominance = "dominance"
    /// Hidden although it could be shown, so that a hidden figure cannot be worked out from the published ones.
    case complementary = "complementary"

    /// The reason as the pages, CSV and API state it.
    public var explanation: String {
        switch self {
        case .fewNations: "fewer than \(DisclosureRules.minimumNations) nations"
        case .dominance: "one nation above \(Int(DisclosureRules.largestShare * 100)) % of it"
        case .complementary: "hidden so that another hidden figure cannot be worked out from the totals"
        }
    }
}
