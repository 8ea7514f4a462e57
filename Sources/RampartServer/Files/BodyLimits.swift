/// How large a request body each kind of route takes. Forms and JSON edits are collected in memory, within
/// `formsAndJSON`; the scenario import streams to disk after the caller is checked, within `scenarioUpload`.
enum BodyLimits {
    static let formsAndJSON = 256 * 1024
    static let scenarioUpload = 200_000_000
}
