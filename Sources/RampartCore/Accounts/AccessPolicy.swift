/// Who may read and change what: the need-to-know rules, as pure functions of the person and the record.
public struct Principal: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable, Codable {
        case staff, delegate, industry, observer
    }

    public var role: Role
    /// The nation a delegate acts for.
    public var nation: String?
    /// The company an industry representative acts for.
    public var company: String?

    public init(role: Role, nation: String? = nil, company: String? = nil) {
        self.role = role
        self.nation = nation
        self.company = company
    }

    public var isStaff: Bool { role == .staff }

    func isDelegate(of nation: String) -> Bool { role == .delegate && self.nation == nation }
    func represents(_ company: String) -> Bool { role == .industry && self.company == company }
}

public enum AccessPolicy {
    /// A demand's details (quantities, dates, priority, outcome): its nation and staff, and every delegate once the
    /// nation has released it. Industry and observers never read a single demand: they read the signals, summed
    /// under `DisclosureRules`.
    public static func canReadDemand(_ p: Principal, nation: String, released: Bool) -> Bool {
        p.isStaff || p.isDelegate(of: nation) || (released && p.role == .delegate)
    }

    public static func canEditDemands(_ p: Principal, nation: String) -> Bool {
        p.isStaff || p.isDelegate(of: nation)
    }

    /// A nation's demand view with projected deliveries and reasons for delay.
    public static func canReadNationView(_ p: Principal, nation: String) -> Bool {
        p.isStaff || p.isDelegate(of: nation)
    }

    /// A line's or supply's capacity is the company's business: the company and staff.
    public static func canReadSource(_ p: Principal, company: String) -> Bool {
        p.isStaff || p.represents(company)
    }

    public static func canEditSource(_ p: Principal, company: String) -> Bool {
        p.isStaff || p.represents(company)
    }

    /// Per-nation outcome rows of a plan: staff all, a delegate their own.
    public static func canReadNationOutcome(_ p: Principal, nation: String) -> Bool {
        p.isStaff || p.isDelegate(of: nation)
    }

    /// A plan's figures (its totals, each nation's outcome, its late demands) cover every demand, released or not;
    /// observers, who read released figures only, see a run's status.
    public static func canReadPlanFigures(_ p: Principal) -> Bool { p.role != .observer }

    /// How many demands exist, released or not: those who read unreleased demands (staff, delegates); observers and
    /// industry count the released ones.
    public static func canReadUnreleasedCounts(_ p: Principal) -> Bool { p.isStaff || p.role == .delegate }

    public static func canStartPlan(_ p: Principal) -> Bool { p.isStaff }
    public static func canAdministerAccounts(_ p: Principal) -> Bool { p.isStaff }
    public static func canReadAudit(_ p: Principal) -> Bool { p.isStaff }
    /// The job queue names every kind of background work, what it works on and why it failed: staff only.
    public static func canReadJobs(_ p: Principal) -> Bool { p.isStaff }
    /// Plan explanations name lines, suppliers and nations: staff only; others read their own slice.
    public static func canReadPlanDetail(_ p: Principal) -> Bool { p.isStaff }
}
