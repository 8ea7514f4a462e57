/// The Alliance account rules for passwords: at least 12 characters, no spaces, upper- and lower-case
/// letters, digits and symbols.
public enum PasswordRule: String, CaseIterable, Sendable {
    case minimumLength
    case noSpaces
    case uppercase
    case lowercase
    case digit
    case symbol

    public var text: String {
        switch self {
        case .minimumLength: "at least \(PasswordPolicy.minimumLength) characters"
        case .noSpaces: "no spaces"
        case .uppercase: "at least one upper-case letter"
        case .lowercase: "at least one lower-case letter"
        case .digit: "at least one digit"
        case .symbol: "at least one symbol (such as ! ? # % & * - _ .)"
        }
    }
}

public enum PasswordPolicy {
    public static let minimumLength = 12

    /// Every rule `password` breaks, in the order of `PasswordRule.allCases`; empty when it is acceptable.
    public static func violations(of password: String) -> [PasswordRule] {
        PasswordRule.allCases.filter { !satisfies(password, $0) }
    }

    private static func satisfies(_ password: String, _ rule: PasswordRule) -> Bool {
        switch rule {
        case .minimumLength: password.count >= minimumLength
        case .noSpaces: !password.unicodeScalars.contains { $0.properties.isWhitespace }
        case .uppercase: password.contains { $0.isUppercase }
        case .lowercase: password.contains { $0.isLowercase }
        case .digit: password.contains { $0.isNumber }
        case .symbol: password.contains { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }
        }
    }
}
