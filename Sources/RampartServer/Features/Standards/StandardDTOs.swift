import Foundation
import RampartCore
import Vapor

/// The standards registry and the standardisation metrics as `/api/v1` sends them.
extension API {
    struct StandardDTO: Content {
        var code: String
        var edition: String
        var title: String
        var domain: String
        var status: String
        var supersededBy: String?
        var version: Int
        /// The items that conform to it.
        var items: [String]
        /// Every nation's row, in a standard's own answer; absent in lists.
        var ratifications: [RatificationDTO]?

        init(_ r: StandardRecord, items: [String], ratifications: [RatificationRecord]?) {
            code = r.code; edition = r.edition; title = r.title; domain = r.domain; status = r.status
            supersededBy = r.supersededBy; version = r.version; self.items = items
            self.ratifications = ratifications?.map(RatificationDTO.init)
        }
    }

    struct RatificationDTO: Content {
        var standard: String
        var nation: String
        var status: String
        var plannedImplementation: String?
        var implemented: String?
        var version: Int

        init(_ r: RatificationRecord) {
            standard = r.standardCode; nation = r.nation; status = r.status; plannedImplementation = r.plannedOn
            implemented = r.implementedOn; version = r.version
        }
    }

    struct StandardisationDTO: Content {
        var version = 1
        var asOf: String
        var standings: [StandingDTO]
        var unstandardisedItems: [String]
        /// Staff and delegates only.
        var gaps: [GapDTO]?
        var closers: [CloserDTO]?
    }

    struct StandingDTO: Content {
        var nation: String
        var relevant: Int
        var ratified: Int
        var withReservations: Int
        var implemented: Int
        var ratifiedShare: Double
        var implementedShare: Double

        init(_ s: StandardisationMetrics.NationStanding) {
            nation = s.nation; relevant = s.relevant; ratified = s.ratified; withReservations = s.withReservations
            implemented = s.implemented; ratifiedShare = s.ratifiedShare; implementedShare = s.implementedShare
        }
    }

    struct GapDTO: Content {
        var `class`: String
        var nation: String
        var other: String
    }

    struct CloserDTO: Content {
        var item: String
        var `class`: String
        var gapsClosed: Int
        var toQualify: [String]
    }
}

extension API.StandardisationDTO {
    init(_ m: StandardsReads.Metrics) {
        asOf = m.asOf.description
        standings = m.standings.map(API.StandingDTO.init)
        unstandardisedItems = m.unstandardised
        gaps = m.gaps?.map { API.GapDTO(class: $0.itemClass, nation: $0.nation, other: $0.other) }
        closers = m.closers?.map { API.CloserDTO(item: $0.item, class: $0.itemClass, gapsClosed: $0.gapsClosed, toQualify: $0.toQualify) }
    }
}
