import ArgumentParser
import Foundation
import RampartCore

struct ExportLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-lp",
        abstract: "Write the scenario's linear programme (CPLEX LP or MPS) for HiGHS, CBC or Gurobi.",
        discussion: """
            The LP is planning-model.md's model with continuous quantities; its optimum is a lower bound on the \
            weighted lateness of any plan. Delivery variables exist only from each demand's due month on \
            (earlier deliveries never help), and demands with the same target, due month and priority are \
            merged unless --per-demand is given; neither changes the optimum.
            Exit status: 0 written, 1 bad scenario file or I/O error, 64 bad usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, mps
    }

    @OptionGroup var scenario: ScenarioSource

    @Option(help: "lp (CPLEX LP) or mps.")
    var format: Format = .lp

    @Flag(name: .customLong("per-demand"), help: "One set of delivery variables per demand instead of per group of identical demands.")
    var perDemand = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let scenario = try scenario.load()
            let exporter = LPExporter(scenario: scenario, aggregateDemands: !perDemand)
            let sink = try OutputSink(path: output)
            switch format {
            case .lp: exporter.writeCPLEXLP { sink.write($0) }
            case .mps: exporter.writeMPS { sink.write($0) }
            }
            try sink.close()
            IO.warn("LP written: \(exporter.size)")
        }
    }
}
