import ArgumentParser
import Foundation
import RampartCore

/// A failure the user can act on: printed as `rampart: message` on stderr, exit status 1.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum IO {
    static func read(_ path: String, what: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("\(what) \(path): no such file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UserError("\(what) \(path): cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads and validates a scenario file; every problem is printed with its JSON path.
    static func scenario(at path: String) throws -> Scenario {
        let data = try read(path, what: "scenario")
        do {
            return try ScenarioReader.read(data)
        } catch {
            throw ScenarioFileError(path: path, issues: error.issues)
        }
    }

    static func plan(at path: String) throws -> Plan {
        let data = try read(path, what: "plan")
        do {
            return try JSONDecoder().decode(Plan.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw UserError("plan \(path): \(pathString(context.codingPath + [key])): missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw UserError("plan \(path): \(pathString(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw UserError("plan \(path): not a valid plan file: \(context.debugDescription)")
        } catch {
            throw UserError("plan \(path): not a valid plan file")
        }
    }

    private static func pathString(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += out.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return out
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Writes to `path`, or to stdout when nil or "-". Files are written whole, through a temporary file.
    static func write(_ bytes: some DataProtocol, to path: String?) throws {
        let sink = try OutputSink(path: path)
        sink.write(bytes: bytes)
        try sink.close()
    }

    /// Writes the parts one after the other, as one file.
    static func write(parts: [[UInt8]], to path: String?) throws {
        let sink = try OutputSink(path: path)
        for part in parts { sink.write(bytes: part) }
        try sink.close()
    }

    static func write(_ text: String, to path: String?) throws {
        try write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: path)
    }

    static func warn(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data("rampart: \(message)\n".utf8))
    }
}

/// A scenario file with problems: each is printed on its own line as `FILE: path: message`.
struct ScenarioFileError: Error, CustomStringConvertible {
    var path: String
    var issues: [ScenarioIssue]
    var description: String {
        "scenario \(path) has \(issues.count) problem\(issues.count == 1 ? "" : "s"):\n"
            + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
