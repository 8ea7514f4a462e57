import Foundation

/// Reads a scenario file (planning-model.md, version 1) and checks it.
public enum ScenarioReader {
    /// The scenario in `data`, or every problem found in it at once.
    ///
    /// Throws only `ScenarioValidationError` (typed throws). Never traps, whatever the bytes.
    /// Issues come in a fixed order: a syntax error alone (path ""), otherwise the structural
    /// issues (JSON types, missing fields, fractions where whole numbers belong) in document
    /// order (an object's missing fields after its present ones), then the semantic ones of
    /// `Scenario.validationIssues()` in list order. Unknown fields are ignored.
    public static func read(_ data: Data) throws(ScenarioValidationError) -> Scenario {
        let root: JSONValue
        do {
            root = try JSONParser.parse([UInt8](data))
        } catch {
            throw ScenarioValidationError(issues: [ScenarioIssue(path: "", message: "not valid JSON: \(error.message)")])
        }
        var reader = FieldReader()
        let draft = DraftDecoding.scenario(root, &reader)
        let issues = reader.issues + SemanticChecker.issues(in: draft)
        guard issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        guard let scenario = draft.scenario() else {
            // Unreachable: every field the draft lacks was reported above.
            throw ScenarioValidationError(issues: [ScenarioIssue(path: "", message: "internal error: incomplete scenario")])
        }
        return scenario
    }
}

extension Scenario {
    /// The semantic problems of a scenario, e.g. one built in code: ranges, empty or duplicate
    /// ids, unknown references, demands naming both or neither of item and class, capacity steps
    /// out of order and cycles in bills of materials. Empty if the scenario is valid.
    public func validationIssues() -> [ScenarioIssue] {
        SemanticChecker.issues(in: ScenarioDraft(self))
    }
}
