import Fluent
import Foundation
import RampartCore
import Vapor

/// A run's plan file as its reader may download it: staff the whole file (planning-model.md, with Rampart's report);
/// a delegate their nation's part only (`NationPlanFile`); nobody else.
enum PlanFileDownload {
    static func response(_ req: Request, run id: UUID?) async throws -> Response {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        guard let id, let run = try await PlanRunRecord.find(id, on: req.db) else { throw Abort(.notFound, reason: "no such plan run") }
        guard let json = try await PlanRunFileRecord.query(on: req.db).filter(\.$planRunID == id).first()?.planJSON else {
            throw Abort(.conflict, reason: "the run has no plan yet (status \(run.status))")
        }
        let name = run.number.map { "run-\($0)" } ?? "run-\(id.uuidString.prefix(8))"
        if person.principal.isStaff {
            return download(Data(json.utf8), filename: "\(name)-plan.json")
        }
        guard let nation = person.principal.nation else { throw Abort(.forbidden, reason: "a delegate's account names their nation") }
        let plan = try JSONDecoder().decode(Plan.self, from: Data(json.utf8))
        let results = try await PlanDemandResultRecord.query(on: req.db).filter(\.$planRunID == id).filter(\.$nation == nation)
            .sort(\.$demandCode).all()
        let file = NationPlanFile(run: id, number: run.number, plan: plan, nation: nation, results: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return download(try encoder.encode(file), filename: "\(name)-plan-\(nation).json")
    }

    private static func download(_ data: Data, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

/// One nation's part of a plan run, as its delegates download it: its demands with their outcomes and its deliveries
/// (with the item delivered), not the lines' production nor other nations' demands. A shape of its own (version 1).
struct NationPlanFile: Codable, Sendable {
    struct DemandOutcome: Codable, Sendable {
        var id: String
        var target: String
        var qty: Double
        var dueMonth: Int
        var priority: Int
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var firstDeliveryMonth: Int?
        var lastDeliveryMonth: Int?
        var weightedLateness: Double?
    }

    var version = 1
    var kind = "rampart-nation-plan"
    var marking: String
    var planRun: UUID
    var runNumber: Int?
    var scenario: String
    var nation: String
    var objective: Objective
    var demands: [DemandOutcome]
    var deliveries: [DeliveryEntry]

    init(run: UUID, number: Int?, plan: Plan, nation: String, results: [PlanDemandResultRecord]) {
        marking = Releasability.nationOnly(nation).marking
        planRun = run
        runNumber = number
        scenario = plan.scenario
        self.nation = nation
        let own = Set(results.map(\.demandCode))
        demands = results.map {
            DemandOutcome(
                id: $0.demandCode, target: $0.target, qty: $0.qty, dueMonth: $0.dueMonth, priority: $0.priority,
                onTimeUnits: $0.onTimeUnits, lateUnits: $0.lateUnits, unservedUnits: $0.unservedUnits,
                firstDeliveryMonth: $0.firstDeliveryMonth, lastDeliveryMonth: $0.lastDeliveryMonth, weightedLateness: $0.weightedLateness)
        }
        deliveries = plan.deliveries.filter { own.contains($0.demand) }
        objective = Objective(
            weightedLateness: results.reduce(0) { $0 + ($1.weightedLateness ?? 0) }, onTimeUnits: results.reduce(0) { $0 + $1.onTimeUnits },
            lateUnits: results.reduce(0) { $0 + $1.lateUnits }, unservedUnits: results.reduce(0) { $0 + $1.unservedUnits })
    }
}
