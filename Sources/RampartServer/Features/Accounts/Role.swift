import RampartCore

/// Who a person is in Rampart. Staff assign roles; a new account starts as an observer.
typealias Role = Principal.Role

extension Principal.Role {
    var label: String {
        switch self {
        case .staff: "Alliance staff"
        case .delegate: "National delegate"
        case .industry: "Industry representative"
        case .observer: "Observer"
        }
    }
}
