import Foundation
import RampartCore
import Vapor

/// What `/api/v1` sends of weapon systems, fleets, qualifications, recognitions and the interchangeability matrix.
extension API {
    struct WeaponSystemDTO: Content {
        var code: String
        var name: String
        var kind: String
        var calibre: String
        var version: Int

        init(_ r: WeaponSystemRecord) {
            code = r.code; name = r.name; kind = r.kind; calibre = r.calibre; version = r.version
        }
    }

    struct FleetDTO: Content {
        var nation: String
        var system: String
        var count: Int
        var version: Int

        init(_ r: FleetRecord) {
            nation = r.nation; system = r.systemCode; count = r.count; version = r.version
        }
    }

    struct QualificationDTO: Content {
        var id: String
        var item: String
        var system: String
        var nation: String
        var qualifiedOn: String

        init(_ r: QualificationRecord) {
            id = r.id?.uuidString ?? ""; item = r.itemCode; system = r.systemCode; nation = r.nation; qualifiedOn = r.qualifiedOn
        }
    }

    struct RecognitionDTO: Content {
        var nation: String
        var recognises: String

        init(_ r: RecognitionRecord) {
            nation = r.nation; recognises = r.recognises
        }
    }

    struct ImportOutcomeDTO: Content {
        var rows: Int
        var created: Int
        var updated: Int
    }

    /// One munition's row of the matrix. `nations` only for readers of the whole matrix; `users` withheld (null) for
    /// the others where fewer than three nations can use it.
    struct InterchangeabilityRowDTO: Content {
        struct Route: Content {
            var system: String
            var qualifiedBy: String
        }

        struct NationCell: Content {
            var nation: String
            var routes: [Route]
        }

        var item: String
        var name: String
        var itemClass: String?
        var users: Int?
        var nations: [NationCell]?
    }

    struct InterchangeabilityDTO: Content {
        var items: [InterchangeabilityRowDTO]
        var page: Int
        var per: Int
        var total: Int
        /// The matrix's generation: every change to fleets, qualifications or recognitions moves it on. For staff and
        /// delegates only: it would tell others when nations change their records.
        var generation: Int?
        var rebuiltAt: Date?
    }
}
