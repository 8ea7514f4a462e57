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
            let sink = try LineSink(path: output)
            switch format {
            case .lp: exporter.writeCPLEXLP { sink.write($0) }
            case .mps: exporter.writeMPS { sink.write($0) }
            }
            try sink.close()
            IO.warn("LP written: \(exporter.size)")
        }
    }
}

/// Buffers text and writes it out in large blocks, to stdout or to a file. A file is written under a temporary
/// name beside it and renamed into place at the end, so a failure or a kill never leaves half a file.
final class LineSink {
    private let handle: FileHandle
    private let path: String?
    private let temporaryPath: String?
    private var buffer = Data()
    private var failure: (any Error)?

    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
            throw UserError("cannot write \(path)")
        }
        self.path = path
        temporaryPath = temporary
        handle = h
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    private func flush() {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        guard let path, let temporaryPath else {
            if let failure { throw UserError("cannot write to standard output: \(failure.localizedDescription)") }
            return
        }
        try? handle.close()
        if let failure {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw UserError("cannot write \(path): \(failure.localizedDescription)")
        }
        if rename(temporaryPath, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw UserError("cannot write \(path)")
        }
    }
}
