import Fluent
import RampartCore
import Vapor

/// The figures one request selects from its reader's signals: the kept tables, or, for a reader of the whole who
/// names nations, those nations' tables summed for the request.
struct SignalSelection: Sendable {
    var figures: [SignalFigure]
    var suppressed: Bool
    var basis: AccessPolicy.SignalBasis
    /// Every target the reader's tables hold, for the page's filter.
    var targets: [String]

    static func load(_ req: Request, _ query: SignalQuery, principal: Principal) async throws -> SignalSelection {
        let snapshot = try await req.rampart.signals.snapshot(for: principal, on: req.db)
        let tables =
            try await query.nations.asyncMap { try await SignalReads.tables(snapshot.basis, nations: $0, on: req.db) }
            ?? snapshot.tables
        return SignalSelection(
            figures: query.select(SignalFigure.figures(tables, suppressed: snapshot.suppressed)),
            suppressed: snapshot.suppressed, basis: snapshot.basis, targets: snapshot.tables.targets)
    }
}
