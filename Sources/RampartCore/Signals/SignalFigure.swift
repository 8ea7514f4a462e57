/// A signal figure as one reader sees it: whole for those who may read the requirements behind it, or with the
/// hidden parts left out and the reason given.
public struct SignalFigure: Sendable, Equatable {
    /// Nil: every target.
    public var target: String?
    /// Nil: every year.
    public var year: Int?
    public var total: Double?
    public var firm: Double?
    public var foreseeable: Double?
    public var nations: Int?
    /// Why the total is not shown.
    public var hidden: SuppressionReason?
    /// Why the firm and foreseeable parts are not shown.
    public var splitHidden: SuppressionReason?

    /// Every figure of the tables, whole (`suppressed` false) or as industry and observers may see it.
    public static func figures(_ tables: SignalTables, suppressed: Bool) -> [SignalFigure] {
        tables.cells.map { cell in
            guard suppressed else {
                return SignalFigure(
                    target: cell.target, year: cell.year, total: cell.total, firm: cell.firm,
                    foreseeable: cell.foreseeable, nations: cell.nations)
            }
            if let reason = cell.hidden {
                return SignalFigure(target: cell.target, year: cell.year, hidden: reason)
            }
            if let reason = cell.splitHidden {
                return SignalFigure(
                    target: cell.target, year: cell.year, total: cell.total, nations: cell.nations, splitHidden: reason)
            }
            return SignalFigure(
                target: cell.target, year: cell.year, total: cell.total, firm: cell.firm, foreseeable: cell.foreseeable,
                nations: cell.nations)
        }
    }

    init(
        target: String?, year: Int?, total: Double? = nil, firm: Double? = nil, foreseeable: Double? = nil,
        nations: Int? = nil, hidden: SuppressionReason? = nil, splitHidden: SuppressionReason? = nil
    ) {
        self.target = target
        self.year = year
        self.total = total
        self.firm = firm
        self.foreseeable = foreseeable
        self.nations = nations
        self.hidden = hidden
        self.splitHidden = splitHidden
    }
}
