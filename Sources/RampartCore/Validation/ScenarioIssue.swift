/// One problem found in a scenario file, at a JSON path such as `demands[41].dueMonth`.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in a scenario, all at once.
public struct ScenarioValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
