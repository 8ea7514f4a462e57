/// Who may read and change the standards registry, the nations' ratifications, and the standardisation metrics.
extension AccessPolicy {
    /// The registry (standards, editions, status, conforming items) and the ratifications are read by everyone
    /// signed in; staff maintain the registry.
    public static func canEditStandards(_ p: Principal) -> Bool { p.isStaff }

    /// A ratification and its implementation are the nation's own rows: its delegates and staff.
    public static func canEditRatification(_ p: Principal, nation: String) -> Bool { p.isStaff || p.isDelegate(of: nation) }

    /// The pairs of nations that cannot share munitions, and what would close them, tell which systems each nation
    /// operates: staff and delegates, as the whole interchangeability matrix.
    public static func canReadInteroperabilityGaps(_ p: Principal) -> Bool { interchangeabilityView(p) == .whole }
}
