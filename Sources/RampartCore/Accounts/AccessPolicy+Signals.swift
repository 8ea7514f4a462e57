/// Which requirements each reader's demand signals are summed from, and whether the disclosure rules apply.
extension AccessPolicy {
    /// The requirements a reader's signals sum.
    public enum SignalBasis: Sendable, Equatable {
        /// Staff: every requirement.
        case all
        /// A delegate: the nation's own and those released by the others, each of which it may read.
        case nationAndReleased(String)
        /// Industry and observers: the released requirements only, under the disclosure rules.
        case releasedOnly
    }

    public static func signalBasis(_ p: Principal) -> SignalBasis {
        if p.isStaff { return .all }
        if p.role == .delegate, let nation = p.nation { return .nationAndReleased(nation) }
        return .releasedOnly
    }

    /// Industry and observers read signals with every figure that could reveal one nation's requirement hidden
    /// (`DisclosureRules`); the others may read each requirement behind their signals.
    public static func readsSuppressedSignals(_ p: Principal) -> Bool { signalBasis(p) == .releasedOnly }

    /// Narrowing signals to chosen nations: only those who read them whole.
    public static func canFilterSignalsByNation(_ p: Principal) -> Bool { !readsSuppressedSignals(p) }
}
