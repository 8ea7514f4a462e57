/// Month indices of a scenario as calendar months: index 0 is `startMonth` ("YYYY-MM").
public struct MonthCalendar: Sendable {
    public let year: Int
    public let month: Int

    /// nil when `startMonth` is not "YYYY-MM" with a month 01-12.
    public init?(startMonth: String) {
        let parts = startMonth.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { return nil }
        year = y
        month = m
    }

    public func label(_ index: Int) -> String {
        let total = year * 12 + (month - 1) + index
        let y = total / 12, m = total % 12 + 1
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }

    /// The calendar year month `index` falls in.
    public func year(of index: Int) -> Int {
        (year * 12 + (month - 1) + index) / 12
    }

    /// The month index of "YYYY-MM" (as a month field sends it), or nil when it is not such a month.
    public func index(of label: String) -> Int? {
        guard let other = MonthCalendar(startMonth: label) else { return nil }
        return (other.year * 12 + other.month) - (year * 12 + month)
    }
}
