import RampartCore
import Testing

/// Every role against every rule of `AccessPolicy`, written out as a table: a change to a rule changes a row here.
@Suite struct AccessPolicyTableTests {
    /// The people of the table: a delegate of FR and a representative of "Nexter".
    static let people: [String: Principal] = [
        "staff": Principal(role: .staff),
        "delegate FR": Principal(role: .delegate, nation: "FR"),
        "industry Nexter": Principal(role: .industry, company: "Nexter"),
        "observer": Principal(role: .observer),
    ]

    /// One rule applied to a record; `expected` names who may, everyone else may not.
    struct Row: Sendable, CustomTestStringConvertible {
        var rule: String
        var check: @Sendable (Principal) -> Bool
        var allowed: Set<String>
        var testDescription: String { rule }
    }

    static let rows: [Row] = [
        Row(
            rule: "read an unreleased FR demand", check: { AccessPolicy.canReadDemand($0, nation: "FR", released: false) },
            allowed: ["staff", "delegate FR"]),
        Row(
            rule: "read an unreleased DE demand", check: { AccessPolicy.canReadDemand($0, nation: "DE", released: false) },
            allowed: ["staff"]),
        Row(
            rule: "read a released DE demand", check: { AccessPolicy.canReadDemand($0, nation: "DE", released: true) },
            allowed: ["staff", "delegate FR"]),
        Row(rule: "maintain the standards registry", check: { AccessPolicy.canEditStandards($0) }, allowed: ["staff"]),
        Row(
            rule: "record FR's ratifications", check: { AccessPolicy.canEditRatification($0, nation: "FR") },
            allowed: ["staff", "delegate FR"]),
        Row(rule: "record DE's ratifications", check: { AccessPolicy.canEditRatification($0, nation: "DE") }, allowed: ["staff"]),
        Row(
            rule: "read the interoperability gaps", check: { AccessPolicy.canReadInteroperabilityGaps($0) },
            allowed: ["staff", "delegate FR"]),
        Row(rule: "read signals whole", check: { !AccessPolicy.readsSuppressedSignals($0) }, allowed: ["staff", "delegate FR"]),
        Row(
            rule: "filter signals by nation", check: { AccessPolicy.canFilterSignalsByNation($0) },
            allowed: ["staff", "delegate FR"]),
        Row(
            rule: "sum signals from unreleased FR demands",
            check: {
                switch AccessPolicy.signalBasis($0) {
                case .all: true
                case .nationAndReleased(let nation): nation == "FR"
                case .releasedOnly: false
                }
            }, allowed: ["staff", "delegate FR"]),
        Row(rule: "edit FR demands", check: { AccessPolicy.canEditDemands($0, nation: "FR") }, allowed: ["staff", "delegate FR"]),
        Row(rule: "edit DE demands", check: { AccessPolicy.canEditDemands($0, nation: "DE") }, allowed: ["staff"]),
        Row(rule: "read FR's nation view", check: { AccessPolicy.canReadNationView($0, nation: "FR") }, allowed: ["staff", "delegate FR"]),
        Row(rule: "read DE's nation view", check: { AccessPolicy.canReadNationView($0, nation: "DE") }, allowed: ["staff"]),
        Row(
            rule: "read a Nexter source", check: { AccessPolicy.canReadSource($0, company: "Nexter") },
            allowed: ["staff", "industry Nexter"]),
        Row(rule: "read a Rheinmetall source", check: { AccessPolicy.canReadSource($0, company: "Rheinmetall") }, allowed: ["staff"]),
        Row(
            rule: "edit a Nexter source", check: { AccessPolicy.canEditSource($0, company: "Nexter") },
            allowed: ["staff", "industry Nexter"]),
        Row(rule: "edit a Rheinmetall source", check: { AccessPolicy.canEditSource($0, company: "Rheinmetall") }, allowed: ["staff"]),
        Row(
            rule: "read FR's plan outcome", check: { AccessPolicy.canReadNationOutcome($0, nation: "FR") },
            allowed: ["staff", "delegate FR"]),
        Row(rule: "read DE's plan outcome", check: { AccessPolicy.canReadNationOutcome($0, nation: "DE") }, allowed: ["staff"]),
        Row(rule: "read a plan's figures", check: AccessPolicy.canReadPlanFigures, allowed: ["staff", "delegate FR", "industry Nexter"]),
        Row(rule: "count unreleased demands", check: AccessPolicy.canReadUnreleasedCounts, allowed: ["staff", "delegate FR"]),
        Row(rule: "start a plan", check: AccessPolicy.canStartPlan, allowed: ["staff"]),
        Row(rule: "administer accounts", check: AccessPolicy.canAdministerAccounts, allowed: ["staff"]),
        Row(rule: "read the audit trail", check: AccessPolicy.canReadAudit, allowed: ["staff"]),
        Row(rule: "read the job queue", check: AccessPolicy.canReadJobs, allowed: ["staff"]),
        Row(rule: "read a plan's explanations", check: AccessPolicy.canReadPlanDetail, allowed: ["staff"]),
        Row(rule: "edit the weapon systems", check: AccessPolicy.canEditWeaponSystems, allowed: ["staff"]),
        Row(rule: "read FR's fleets", check: { AccessPolicy.canReadFleet($0, nation: "FR") }, allowed: ["staff", "delegate FR"]),
        Row(rule: "read DE's fleets", check: { AccessPolicy.canReadFleet($0, nation: "DE") }, allowed: ["staff"]),
        Row(rule: "edit FR's fleets", check: { AccessPolicy.canEditFleet($0, nation: "FR") }, allowed: ["staff", "delegate FR"]),
        Row(rule: "edit DE's fleets", check: { AccessPolicy.canEditFleet($0, nation: "DE") }, allowed: ["staff"]),
        Row(rule: "read qualifications", check: AccessPolicy.canReadQualifications, allowed: ["staff", "delegate FR"]),
        Row(
            rule: "record or withdraw FR's qualifications", check: { AccessPolicy.canEditQualification($0, nation: "FR") },
            allowed: ["staff", "delegate FR"]),
        Row(
            rule: "record or withdraw DE's qualifications", check: { AccessPolicy.canEditQualification($0, nation: "DE") },
            allowed: ["staff"]),
        Row(rule: "read recognitions", check: AccessPolicy.canReadRecognitions, allowed: ["staff", "delegate FR"]),
        Row(
            rule: "edit FR's recognitions", check: { AccessPolicy.canEditRecognition($0, nation: "FR") }, allowed: ["staff", "delegate FR"]),
        Row(rule: "edit DE's recognitions", check: { AccessPolicy.canEditRecognition($0, nation: "DE") }, allowed: ["staff"]),
        Row(
            rule: "read the whole interchangeability matrix", check: { AccessPolicy.interchangeabilityView($0) == .whole },
            allowed: ["staff", "delegate FR"]),
    ]

    @Test(arguments: rows)
    func grantsExactlyTheRowsPeople(_ row: Row) {
        for (name, person) in Self.people.sorted(by: { $0.key < $1.key }) {
            #expect(row.check(person) == row.allowed.contains(name), "\(name) / \(row.rule)")
        }
    }

    /// A delegate or representative whose nation or company is not set reads no one's private records.
    @Test func aRoleWithoutItsNationOrCompanyGetsNoPrivateRecord() {
        let delegate = Principal(role: .delegate)
        let industry = Principal(role: .industry)
        #expect(!AccessPolicy.canReadDemand(delegate, nation: "FR", released: false))
        #expect(!AccessPolicy.canEditDemands(delegate, nation: ""))
        #expect(!AccessPolicy.canReadSource(industry, company: ""))
        #expect(!AccessPolicy.canEditSource(industry, company: "Nexter"))
    }
}
