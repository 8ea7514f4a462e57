import Fluent
import Foundation
import RampartCore
import Vapor

/// A page of a list: `?page=` (from 1) and `?per=` (1 to 500, default 50).
struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int
}

extension PageDTO {
    init<Record>(_ page: Page<Record>, _ transform: (Record) throws -> Item) rethrows {
        self.init(items: try page.items.map(transform), page: page.metadata.page, per: page.metadata.per, total: page.metadata.total)
    }
}


enum API {
    struct UserDTO: Content {
        var id: UUID?
        var email: String
        var displayName: String
        var role: Role
        var nation: String?
        var company: String?
        var verified: Bool
        var newsletter: Bool
        var version: Int

        init(_ u: UserRecord) {
            id = u.id; email = u.email; displayName = u.displayName; role = Role(rawValue: u.role) ?? .observer
            nation = u.nation; company = u.company; verified = u.verified; newsletter = u.newsletter; version = u.version
        }
    }

    struct DemandDTO: Content {
        var id: String
        var nation: String
        var item: String?
        var `class`: String?
        var qty: Double
        var dueMonth: Int
        var priority: Int
        var released: Bool
        var version: Int
        var outcome: OutcomeDTO?

        init(_ d: DemandRecord, outcome: PlanDemandResultRecord? = nil) {
            id = d.code; nation = d.nation; item = d.itemCode; self.class = d.itemClass; qty = d.qty; dueMonth = d.dueMonth
            priority = d.priority; released = d.released; version = d.version; self.outcome = outcome.map(OutcomeDTO.init)
        }
    }

    struct OutcomeDTO: Content {
        var planRun: UUID
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var lastDeliveryMonth: Int?
        var deliveries: [DeliveryDTO]
        var reason: String?

        init(planRun: UUID, onTimeUnits: Double, lateUnits: Double, unservedUnits: Double, lastDeliveryMonth: Int?,
             deliveries: [DeliveryDTO], reason: String?) {
            self.planRun = planRun; self.onTimeUnits = onTimeUnits; self.lateUnits = lateUnits; self.unservedUnits = unservedUnits
            self.lastDeliveryMonth = lastDeliveryMonth; self.deliveries = deliveries; self.reason = reason
        }

        init(_ r: PlanDemandResultRecord) {
            planRun = r.planRunID; onTimeUnits = r.onTimeUnits; lateUnits = r.lateUnits; unservedUnits = r.unservedUnits
            lastDeliveryMonth = r.lastDeliveryMonth; deliveries = r.deliveryPairs.map { DeliveryDTO(month: $0.month, qty: $0.qty) }
            reason = r.reason
        }
    }

    struct DeliveryDTO: Content {
        var month: Int
        var qty: Double
    }

    struct SourceDTO: Content {
        var id: String
        var kind: String
        var company: String
        var country: String
        var item: String
        var leadTimeMonths: Int
        var capacity: [SourcePatch.Step]
        var version: Int

        init(_ s: SourceRecord, steps: [(Int, Double)]) {
            id = s.code; kind = s.kind; company = s.company; country = s.country; item = s.itemCode
            leadTimeMonths = s.leadTimeMonths; capacity = steps.map { SourcePatch.Step(from: $0.0, perMonth: $0.1) }; version = s.version
        }
    }

    struct ItemDTO: Content {
        var id: String
        var name: String
        var kind: String
        var `class`: String?
        var bom: [BOMEntry]
    }

    struct NationDTO: Content {
        var code: String
        var name: String
    }

    struct PlanRunDTO: Content {
        var id: UUID?
        var status: String
        var progress: Double
        var phase: String
        var scenario: String
        /// How many demands the run planned, released or not: only for those who may count unreleased demands.
        var demandCount: Int?
        var createdAt: Date?
        var startedAt: Date?
        var finishedAt: Date?
        var objective: Objective?
        var error: String?
        var nations: [OutcomeSummary]?
        var lateDemands: [PlanRunSummary.Late]?
        var lateDemandCount: Int?
        var bottlenecks: [Bottleneck]?

        /// The run as `principal` may see it: the objective only for those who may read a plan's totals.
        init(_ r: PlanRunRecord, visibleTo principal: Principal) {
            id = r.id; status = r.status; progress = r.progress; phase = r.phase; scenario = r.scenarioName
            demandCount = AccessPolicy.canReadUnreleasedCounts(principal) ? r.demandCount : nil; createdAt = r.createdAt; startedAt = r.startedAt; finishedAt = r.finishedAt; error = r.error
            if AccessPolicy.canReadPlanFigures(principal),
               let w = r.weightedLateness, let on = r.onTimeUnits, let late = r.lateUnits, let un = r.unservedUnits {
                objective = Objective(weightedLateness: w, onTimeUnits: on, lateUnits: late, unservedUnits: un)
            }
        }
    }

    struct SignalDTO: Content {
        var target: String
        var year: Int
        var qty: Double
        var demands: Int
    }

    struct AuditDTO: Content {
        struct Change: Content {
            var field: String
            var old: String
            var new: String
        }

        var at: Date
        var actor: String
        var entity: String
        var key: String
        var action: String
        var changes: [Change]

        init(_ a: AuditRecord) {
            at = a.at; actor = a.actor; entity = a.entity; key = a.entityKey; action = a.action
            changes = Audit.decodeChanges(a.changes).map { Change(field: $0.field, old: $0.old, new: $0.new) }
        }
    }

    struct TokenDTO: Content {
        var id: UUID?
        var name: String
        var createdAt: Date?
        var expiresAt: Date?
        var scope: TokenScope
        /// Only in the answer that creates it.
        var token: String?

        init(_ record: APITokenRecord, token: String?) {
            id = record.id; name = record.name; createdAt = record.createdAt; expiresAt = record.expiresAt
            scope = record.tokenScope; self.token = token
        }
    }
}

