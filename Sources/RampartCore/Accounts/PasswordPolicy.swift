/// The Alliance account rules for passwords: at least 12 characters and at most 72 bytes, no spaces, upper- and
/// lower-case letters, digits and symbols.
public enum PasswordRule: String, CaseIterable, Sendable {
    case minimumLength
    case maximumLength
    case noSpaces
    case uppercase
    case lowercase
    case digit
    case symbol

    public var text: String {
        switch self {
        case .minimumLength: "at least \(PasswordPolicy.minimumLength) characters"
        case .maximumLength: "at most \(PasswordPolicy.maximumBytes) bytes (about as many letters; fewer with accents or other scripts)"
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
    /// bcrypt reads the first 72 bytes only: a longer password would be cut without a word.
    public static let maximumBytes = 72

    /// Every rule `password` breaks, in the order of `PasswordRule.allCases`; empty when it is acceptable.
    public static func violations(of password: String) -> [PasswordRule] {
        PasswordRule.allCases.filter { !satisfies(password, $0) }
    }

    private static func satisfies(_ password: String, _ rule: PasswordRule) -> Bool {
        switch rule {
        case .minimumLength: password.count >= minimumLength
        case .maximumLength: password.utf8.count <= maximumBytes
        case .noSpaces: !password.unicodeScalars.contains { $0.properties.isWhitespace }
        case .uppercase: password.contains { $0.isUppercase }
        case .lowercase: password.contains { $0.isLowercase }
        case .digit: password.contains { $0.isNumber }
        case .symbol: password.contains { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }
        }
    }
}
