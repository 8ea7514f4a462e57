/// One nation's requirement for a target in a calendar year, firm (under contract) or foreseeable: what signals
/// are summed from.
public struct SignalContribution: Sendable, Equatable {
    public var nation: String
    /// A demand target's key: an item id or `class:NAME`.
    public var target: String
    public var year: Int
    public var quantity: Double
    public var firm: Bool

    public init(nation: String, target: String, year: Int, quantity: Double, firm: Bool) {
        self.nation = nation
        self.target = target
        self.year = year
        self.quantity = quantity
        self.firm = firm
    }
}
