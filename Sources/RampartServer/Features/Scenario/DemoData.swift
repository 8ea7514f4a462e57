import Fluent
import Foundation
import RampartCore
import Vapor

/// `serve --demo`: the demo scenario (when the database holds none), one account per role with a fresh
/// password printed at start-up, and a first plan run.
enum DemoData {
    struct Account: Sendable {
        var email: String
        var password: String
        var role: Role
        var boundTo: String?
    }

    static func load(on app: Application) async throws -> [Account] {
        let db = app.db
        let now = app.rampart.clock.now()
        if try await ScenarioSettingsRecord.query(on: db).first() == nil {
            let scenario = DemoScenario.make()
            try await db.transaction { tx in
                try await ScenarioStore.replace(with: scenario, references: app.rampart.scenarioReferences, on: tx)
                // The demo's nations have released what they need from the third year on: industry and observers
                // then see released demand on their dashboards.
                try await DemandRecord.query(on: tx).filter(\.$dueMonth >= 24).set(\.$released, to: true).update()
                // Illustrative: the first four years' demands of priority 1 and 2 are under contract.
                try await DemandRecord.query(on: tx).filter(\.$dueMonth < 48).filter(\.$priority <= 2).set(\.$firm, to: true)
                    .update()
                try await DemandState.advance(on: tx)
                try await Audit.record(
                    .system, entity: "scenario", key: scenario.name, action: "import (demo)",
                    changes: [.init(field: "demands", old: "", new: "\(scenario.demands.count)")], at: now, on: tx)
            }
            try await Statistics.refresh(ScenarioStore.tables, on: db)
        }
        try await InteroperabilityDemo.load(now: now, on: db)
        try await StandardsDemo.load(now: now, on: db)
        let nation = try await DemandRecord.query(on: db).sort(\.$position).first()?.nation ?? "FR"
        let company = try await SourceRecord.query(on: db).sort(\.$position).first()?.company ?? ""
        let accounts = [
            Account(email: "staff@rampart.demo", password: password(), role: .staff, boundTo: nil),
            Account(email: "delegate.\(nation.lowercased())@rampart.demo", password: password(), role: .delegate, boundTo: nation),
            Account(email: "industry@rampart.demo", password: password(), role: .industry, boundTo: company),
            Account(email: "observer@rampart.demo", password: password(), role: .observer, boundTo: nil),
        ]
        for account in accounts {
            try await upsert(account, hasher: app.rampart.hasher, now: now, on: db)
        }
        if try await PlanRunRecord.query(on: db).count() == 0 {
            let staff = try await UserRecord.query(on: db).filter(\.$email == "staff@rampart.demo").first()
            try await PlanRuns.enqueue(requestedBy: staff?.id, now: now, on: db)
        }
        return accounts
    }

    private static func upsert(_ account: Account, hasher: PasswordHasher, now: Date, on db: any Database) async throws {
        let hash = try await hasher.hash(account.password)
        let user =
            try await UserRecord.query(on: db).filter(\.$email == account.email).first()
            ?? UserRecord(
                email: account.email, displayName: "Demo \(account.role.label.lowercased())", passwordHash: hash,
                role: account.role, nation: nil, company: nil, verified: true, unsubscribeToken: Secrets.token(),
                createdAt: now)
        user.passwordHash = hash
        user.role = account.role.rawValue
        user.nation = account.role == .delegate ? account.boundTo : nil
        user.company = account.role == .industry ? account.boundTo : nil
        user.verified = true
        try await user.save(on: db)
    }

    /// A password that meets every rule: 16 random characters plus one of each class.
    private static func password() -> String {
        String(Secrets.token(bytes: 12).filter { $0.isLetter || $0.isNumber }.prefix(14)) + "Aa7!"
    }

    static func banner(_ accounts: [Account], address: String) -> String {
        var lines = ["", "Rampart demo is starting. Open \(address)/ and sign in with one of these accounts:", ""]
        for account in accounts {
            let bound = account.boundTo.map { " (\($0))" } ?? ""
            lines.append(
                "  \(account.role.label.padding(toLength: 24, withPad: " ", startingAt: 0))\(account.email.padding(toLength: 34, withPad: " ", startingAt: 0)) password: \(account.password)\(bound)"
            )
        }
        lines.append("")
        lines.append("Passwords are new on every start with --demo. Mail (verification and reset codes) is written to this log.")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
