enum SMTPSecurity: String, Sendable, Equatable {
    /// Plain TCP. Only for a relay on the same host or a private network.
    case none
    /// Plain TCP upgraded with STARTTLS before any credentials or mail are sent; refuses servers that don't offer it.
    case startTLS
}

struct SMTPSettings: Sendable, Equatable {
    var host: String
    var port: Int
    var username: String?
    var password: String?
    var security: SMTPSecurity
    /// Envelope sender and From header: `noreply@example.org` or `Rampart <noreply@example.org>`.
    var from: String
    var heloName: String = "rampart.local"
    /// Limit for connecting and for each wait on the server.
    var timeoutSeconds: Int = 15
    /// Verify the server's certificate and name. Off only in tests against a self-signed certificate.
    var tlsVerify: Bool = true
}

extension SMTPSettings: CustomStringConvertible {
    var description: String {
        let user = username.map { " user \($0)" } ?? ""
        let password = password == nil ? "" : " password <redacted>"
        return "smtp \(security.rawValue) \(host):\(port)\(user)\(password) from \(from)"
    }
}
