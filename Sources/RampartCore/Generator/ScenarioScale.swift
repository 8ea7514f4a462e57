/// Size of a generated scenario, by its number of demands.
public enum ScenarioScale: String, CaseIterable, Sendable {
    case S, M, L, XL

    /// Exact number of demands generated.
    public var demandCount: Int {
        switch self {
        case .S: 1_000
        case .M: 10_000
        case .L: 50_000
        case .XL: 200_000
        }
    }

    /// Interchangeability classes; with `variantsPerClass` this keeps about 50 demands per end item.
    var classCount: Int {
        switch self {
        case .S: 7
        case .M: 50
        case .L: 220
        case .XL: 800
        }
    }

    var variantsPerClass: ClosedRange<Int> {
        switch self {
        case .S: 2...4
        case .M: 3...5
        case .L: 3...6
        case .XL: 3...7
        }
    }

    /// Multiplies the supply rows of widely available materials and the producers per country.
    var breadth: Int {
        switch self {
        case .S: 1
        case .M: 4
        case .L: 12
        case .XL: 40
        }
    }

    /// Mixed into the seed, so that one seed gives unrelated scenarios at different scales.
    var salt: UInt64 {
        switch self {
        case .S: 0x5343_414C_455F_5300
        case .M: 0x5343_414C_455F_4D00
        case .L: 0x5343_414C_455F_4C00
        case .XL: 0x5343_414C_455F_584C
        }
    }
}
