import Foundation
import Testing

/// `rampart import`, `export` and `serve` as a user runs them: on a SQLite file, or on PostgreSQL when
/// `RAMPART_TEST_DATABASE_URL` is set.
@Suite(.serialized) struct ServerCommandsTests {
    /// Arguments and environment choosing the database for one test.
    struct Store {
        var arguments: [String]
        var environment: [String: String]
    }

    static func store(in dir: URL) -> Store {
        if let url = ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"], !url.isEmpty {
            return Store(arguments: [], environment: ["DATABASE_URL": url])
        }
        return Store(arguments: ["--data", dir.appendingPathComponent("rampart.sqlite").path], environment: [:])
    }

    static func run(_ arguments: [String], _ store: Store) throws -> CLIRun {
        try CLI.run(arguments + store.arguments, environment: store.environment)
    }

    @Test func importThenExportRoundTrips() throws {
        let dir = try CLI.temporaryDirectory()
        let store = Self.store(in: dir)
        let file = dir.appendingPathComponent("sample.json")
        try Data(sampleScenario.utf8).write(to: file)
        // MUT
        let imported = try Self.run(["import", file.path, "--json"], store)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.output.contains("\"demands\" : 2"))
        let exported = try Self.run(["export"], store)
        #expect(exported.status == 0, "\(exported.stderr)")
        // validate: the export is a valid scenario file equal to the input
        let back = dir.appendingPathComponent("back.json")
        try exported.stdout.write(to: back)
        #expect(try CLI.run(["validate", back.path]).status == 0)
        let plainA = try CLI.run(["plan", file.path, "--json", "--quiet"]).stdout
        let plainB = try CLI.run(["plan", back.path, "--json", "--quiet"]).stdout
        #expect(plainA == plainB)
    }

    /// `export -o` a pipe (or a device such as /dev/stdout) writes into it; renaming a file over it would replace it.
    @Test func exportIntoAPipeWritesThroughItAndLeavesItAPipe() throws {
        let dir = try CLI.temporaryDirectory()
        let store = Self.store(in: dir)
        let file = dir.appendingPathComponent("sample.json")
        try Data(sampleScenario.utf8).write(to: file)
        #expect(try Self.run(["import", file.path], store).status == 0)
        let pipe = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        // MUT: the pipe's read end held open (the small file fits in its buffer), and export writing into it
        let readEnd = open(pipe, O_RDONLY | O_NONBLOCK)
        #expect(readEnd >= 0)
        defer { close(readEnd) }
        let exported = try Self.run(["export", "-o", pipe], store)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        // validate
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(String(decoding: received, as: UTF8.self).contains("\"cli-sample\""))
        var status = stat()
        #expect(stat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aBadFileIsRefusedAndChangesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        let store = Self.store(in: dir)
        let good = dir.appendingPathComponent("good.json")
        try Data(sampleScenario.utf8).write(to: good)
        #expect(try Self.run(["import", good.path], store).status == 0)
        let before = try Self.run(["export"], store).stdout
        let bad = dir.appendingPathComponent("bad.json")
        try Data(sampleScenario.replacingOccurrences(of: "\"horizonMonths\": 24", with: "\"horizonMonths\": -3").utf8).write(to: bad)
        // MUT
        let refused = try Self.run(["import", bad.path], store)
        // validate
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("horizonMonths"))
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(try Self.run(["export"], store).stdout == before)
    }

    @Test func anImportKilledHalfWayChangesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        let store = Self.store(in: dir)
        let small = dir.appendingPathComponent("small.json")
        try Data(sampleScenario.utf8).write(to: small)
        #expect(try Self.run(["import", small.path], store).status == 0)
        let before = try Self.run(["export"], store).stdout
        let large = dir.appendingPathComponent("large.json")
        #expect(try CLI.run(["generate", "--scale", "L", "--seed", "3", "-o", large.path]).status == 0)

        // MUT: start the import and kill it while its transaction is writing
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", large.path] + store.arguments
        process.environment = ProcessInfo.processInfo.environment.merging(store.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = dir.appendingPathComponent("rampart.sqlite-wal").path
        func writing() -> Bool {
            // the write-ahead log grows while the import's transaction writes
            ((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0) > 4_000_000
        }
        let deadline = Date().addingTimeInterval(60)
        var sawWriting = false
        while Date() < deadline, process.isRunning {
            if store.environment.isEmpty ? writing() : Date() > deadline.addingTimeInterval(-57) {
                sawWriting = true
                Thread.sleep(forTimeInterval: 0.3)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // validate: killed while writing, and the database still holds the old scenario, whole
        #expect(sawWriting)
        #expect(process.terminationReason == .uncaughtSignal)
        let after = try Self.run(["export"], store)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before)
    }

    @Test func aWrongDatabaseConfigurationRefusesToStart() throws {
        let partial = try CLI.run(["serve", "--port", "0"], environment: ["DATABASE_HOST": "db.example", "DATABASE_URL": ""])
        #expect(partial.status != 0)
        #expect(partial.stderr.contains("DATABASE_URL"))
        #expect(partial.stderr.contains("DATABASE_HOST"))
        let wrongScheme = try CLI.run(["serve", "--port", "0"], environment: ["DATABASE_URL": "mysql://u@h/db"])
        #expect(wrongScheme.status != 0)
        #expect(wrongScheme.stderr.contains("postgres://"))
        let noName = try CLI.run(["export"], environment: ["DATABASE_URL": "postgres://user@127.0.0.1:5432"])
        #expect(noName.status != 0)
        #expect(noName.stderr.contains("database name is missing"))
        let smtp = try CLI.run(["serve", "--port", "0", "--data", ":memory:"], environment: ["SMTP_USERNAME": "u", "DATABASE_URL": ""])
        #expect(smtp.status != 0)
        #expect(smtp.stderr.contains("SMTP_HOST"))
    }

    @Test(arguments: ["serve", "import", "export"])
    func everyServerCommandHasHelp(_ command: String) throws {
        let help = try CLI.run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: rampart \(command)"))
        #expect(help.output.contains("--data"))
    }
}
