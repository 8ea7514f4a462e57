/// Writes the linear programme of a scenario (planning-model.md, "The linear-programming bound")
/// in CPLEX LP or free MPS format (written for HiGHS, CBC and Gurobi; tested with HiGHS).
/// Its optimum is a lower bound on the weighted lateness of any plan.
/// See `LPModel` for the variables, rows and reductions.
///
/// The scenario is assumed valid. Text goes to the sink in chunks ending at line boundaries,
/// so large programmes never sit in memory as one string.
public struct LPExporter: Sendable {
    public let aggregateDemands: Bool
    let model: LPModel
    let title: String
    var chunkSize = 1 << 16

    /// - Parameter aggregateDemands: merge demands with the same item or class, due month and priority
    ///   into one group (same optimum, fewer columns). `false` gives one group per demand.
    public init(scenario: Scenario, aggregateDemands: Bool = true) {
        self.aggregateDemands = aggregateDemands
        self.model = LPModel(scenario: scenario, aggregateDemands: aggregateDemands)
        self.title = LPExporter.sanitizedName(scenario.name)
    }

    public var size: LPSize { model.size }

    /// Scenario indices of the demands in each group, in the order of the `u_g` / `dem_g` names;
    /// a group is named by its first demand's index. Demands with qty 0 are in no group.
    public var demandGroups: [[Int]] { model.groups.map(\.demands) }

    public func writeCPLEXLP(to sink: (String) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var writer = CPLEXLPWriter(model: model, out: LPTextWriter(chunkSize: chunkSize, sink: sink))
            writer.write(title: title)
        }
    }

    public func writeMPS(to sink: (String) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            let writer = MPSWriter(model: model, out: LPTextWriter(chunkSize: chunkSize, sink: sink))
            writer.write(title: title)
        }
    }

    func withChunkSize(_ size: Int) -> LPExporter {
        var copy = self
        copy.chunkSize = size
        return copy
    }

    public func cplexLP() -> String {
        var text = ""
        writeCPLEXLP { text += $0 }
        return text
    }

    public func mps() -> String {
        var text = ""
        writeMPS { text += $0 }
        return text
    }

    static func sanitizedName(_ name: String) -> String {
        let allowed = name.unicodeScalars.prefix(64).map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        return allowed.isEmpty ? "rampart" : String(allowed)
    }
}

extension LPModel {
    /// Calls `body` with each month in which `source` has a column.
    func forEachMonth(of source: Source, _ body: (Int) -> Void) {
        for (t, cap) in source.capacity.enumerated() where cap > 0 { body(t) }
    }

    func sources(supplies isSupply: Bool) -> [Source] { isSupply ? supplies : lines }
}
