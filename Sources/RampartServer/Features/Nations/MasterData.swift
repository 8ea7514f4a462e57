import Fluent
import Foundation
import RampartCore

/// Nations and companies: master data that outlives any one planning scenario. Accounts name them (a delegate's
/// nation, a representative's company), and so will records beside the scenario; an import only adds to them.
enum MasterData {
    /// Adds the nations the scenario's demands name (with their names from `Alliance`) and the companies its lines
    /// and supplies name; a known company takes the country the file gives it. Deletes nothing.
    static func add(nationsAndCompaniesOf scenario: Scenario, on db: any Database) async throws {
        let knownNations = Set(try await NationRecord.query(on: db).all().map(\.code))
        let newNations = Set(scenario.demands.map(\.nation)).subtracting(knownNations).sorted()
        try await ScenarioStore.insert(newNations.map { NationRecord(code: $0, name: Alliance.name(of: $0)) }, on: db)

        var countries: [String: String] = [:]
        for line in scenario.lines where countries[line.producer] == nil { countries[line.producer] = line.country }
        for supply in scenario.supplies where countries[supply.supplier] == nil { countries[supply.supplier] = supply.country }
        let known = Dictionary(try await CompanyRecord.query(on: db).all().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var added: [CompanyRecord] = []
        for (name, country) in countries.sorted(by: { $0.key < $1.key }) {
            if let company = known[name] {
                if company.country != country {
                    company.country = country
                    try await company.update(on: db)
                }
            } else {
                added.append(CompanyRecord(name: name, country: country))
            }
        }
        try await ScenarioStore.insert(added, on: db)
    }
}
