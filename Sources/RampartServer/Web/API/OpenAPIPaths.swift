import Foundation

/// Every operation of the JSON API: each feature describes its own beside its handlers
/// (`Features/<Feature>/<Feature>+OpenAPI.swift`), the operations routes in `App/Operations+OpenAPI.swift`.
extension OpenAPIDocument {
    static var operations: [Operation] {
        accountOperations + dashboardOperations + scenarioOperations + nationOperations + sourceOperations
            + interoperabilityOperations + signalOperations + standardOperations + planOperations + adminOperations + operationsOperations
    }
}
