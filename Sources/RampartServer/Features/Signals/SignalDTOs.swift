import RampartCore
import Vapor

/// The demand signals as `/api/v1/signals` sends them (shape version 1).
extension API {
    struct SignalPageDTO: Content {
        var version = 1
        /// `all` (staff), `nation-and-released` (a delegate), `released` (industry and observers).
        var basis: String
        /// Whether figures that could reveal one nation's requirement are hidden.
        var suppressed: Bool
        var rules: DisclosureRulesDTO
        var items: [SignalFigureDTO]
        var page: Int
        var per: Int
        var total: Int
    }

    struct DisclosureRulesDTO: Content {
        var minimumNations = DisclosureRules.minimumNations
        var largestShare = DisclosureRules.largestShare
    }

    struct SignalFigureDTO: Content {
        /// Absent: every target.
        var target: String?
        /// Absent: every year.
        var year: Int?
        var total: Double?
        var firm: Double?
        var foreseeable: Double?
        var nations: Int?
        var hidden: SuppressionDTO?
        var splitHidden: SuppressionDTO?

        init(_ f: SignalFigure) {
            target = f.target; year = f.year; total = f.total; firm = f.firm; foreseeable = f.foreseeable
            nations = f.nations; hidden = f.hidden.map(SuppressionDTO.init); splitHidden = f.splitHidden.map(SuppressionDTO.init)
        }
    }

    struct SuppressionDTO: Content {
        var reason: String
        var explanation: String

        init(_ r: SuppressionReason) {
            reason = r.rawValue
            explanation = r.explanation
        }
    }
}

extension AccessPolicy.SignalBasis {
    var name: String {
        switch self {
        case .all: "all"
        case .nationAndReleased: "nation-and-released"
        case .releasedOnly: "released"
        }
    }
}
