import Foundation

/// Runs the built `rampart` binary, as a user would, and captures what it prints.
struct CLIRun {
    var status: Int32
    var stdout: Data
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
}

enum CLI {
    /// The `rampart` executable built beside the test bundle.
    static let binary: URL = {
        var candidates: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent("rampart")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("the rampart executable was not built (run swift build --build-tests)")
    }()

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CLIRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// A small valid scenario: a shell made from TNT and a fuze, a class demand and an item demand.
let sampleScenario = """
{
  "version": 1, "name": "cli-sample", "startMonth": "2026-01", "horizonMonths": 24,
  "items": [
    {"id": "SHELL", "name": "155 mm shell", "kind": "end", "class": "155",
     "bom": [{"item": "FUZE", "qty": 1}, {"item": "TNT", "qty": 10.8}]},
    {"id": "FUZE", "name": "Fuze", "kind": "component"},
    {"id": "TNT", "name": "TNT", "kind": "material"}
  ],
  "lines": [{"id": "L1", "producer": "Producer A", "country": "DE", "item": "SHELL", "leadTimeMonths": 2,
             "capacity": [{"from": 0, "perMonth": 1000}, {"from": 12, "perMonth": 3000}]}],
  "supplies": [
    {"id": "S-TNT", "supplier": "Nitro", "country": "PL", "item": "TNT", "leadTimeMonths": 1, "capacity": [{"from": 0, "perMonth": 20000}]},
    {"id": "S-FUZE", "supplier": "Fuzes Inc", "country": "FR", "item": "FUZE", "leadTimeMonths": 1, "capacity": [{"from": 0, "perMonth": 5000}]}
  ],
  "stocks": [{"item": "SHELL", "qty": 500}],
  "demands": [
    {"id": "D-PL-1", "nation": "PL", "class": "155", "qty": 6000, "dueMonth": 5, "priority": 1},
    {"id": "D-NO-1", "nation": "NO", "item": "SHELL", "qty": 4000, "dueMonth": 6, "priority": 3}
  ]
}
"""
