/// Who may read and change the weapon systems, fleets, qualifications and recognitions, and how much of the
/// interchangeability matrix each reader sees.
extension AccessPolicy {
    /// The catalogue of weapon systems (names, kinds, calibres) is public within Rampart; staff maintain it.
    public static func canEditWeaponSystems(_ p: Principal) -> Bool { p.isStaff }

    /// How many of a system a nation operates: that nation and staff only.
    public static func canReadFleet(_ p: Principal, nation: String) -> Bool { p.isStaff || p.isDelegate(of: nation) }
    public static func canEditFleet(_ p: Principal, nation: String) -> Bool { p.isStaff || p.isDelegate(of: nation) }

    /// Who qualified which munition for which system: staff and delegates, whose armaments staff act on it.
    public static func canReadQualifications(_ p: Principal) -> Bool { p.isStaff || p.role == .delegate }
    /// A qualification is its nation's act: that nation's delegate and staff record or withdraw it.
    public static func canEditQualification(_ p: Principal, nation: String) -> Bool { p.isStaff || p.isDelegate(of: nation) }

    public static func canReadRecognitions(_ p: Principal) -> Bool { p.isStaff || p.role == .delegate }
    /// A recognition is the recognising nation's decision.
    public static func canEditRecognition(_ p: Principal, nation: String) -> Bool { p.isStaff || p.isDelegate(of: nation) }

    /// The matrix names the systems each nation operates: staff and delegates read it whole; industry and observers
    /// read per munition how many nations can use it, where that is at least three.
    public static func interchangeabilityView(_ p: Principal) -> InterchangeabilityView {
        p.isStaff || p.role == .delegate ? .whole : .userCounts(minimumUsers: InterchangeabilityView.minimumPublishedUsers)
    }
}
