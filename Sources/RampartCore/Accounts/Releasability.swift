/// Who may read a page or file that holds nations' figures, as it is marked when printed or downloaded.
public enum Releasability: Sendable, Equatable {
    /// One nation's own figures: that nation and Alliance staff.
    case nationOnly(String)
    /// Several nations' own figures side by side: Alliance staff only.
    case staffOnly
    /// Released to every delegate and staff.
    case alliance
    /// Released to industry, in aggregate.
    case industry

    /// The marking printed at the top and foot of the page and in the first line of a CSV.
    public var marking: String {
        switch self {
        case .nationOnly(let nation): "\(Alliance.name(of: nation)) only"
        case .staffOnly: "Alliance staff only: each nation's own figures"
        case .alliance: "Alliance"
        case .industry: "Released to industry"
        }
    }
}
