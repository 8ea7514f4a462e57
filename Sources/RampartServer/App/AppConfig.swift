import Foundation
import Logging

/// Every setting of the server, read once at start-up from the environment (names in `EnvironmentNames`)
/// and command-line options, then passed down. Nothing else reads the environment.
struct AppConfig: Sendable {
    var database: DatabaseSetting
    var mail: MailSetting
    /// Address people open; links in mails start with it.
    var publicURL: String
    var secureCookies: Bool
    var outboxIntervalSeconds: Double
    /// Reverse proxies whose `X-Forwarded-For` is believed, by IP address. Empty: the socket peer is the client.
    var trustedProxies: Set<String> = []
    /// The bearer token `/metrics` asks for; without one the metrics are not served.
    var metricsToken: String? = nil
    /// A connection that neither sends nor receives this long is closed, so half-sent requests cannot pile up.
    var connectionIdleTimeoutSeconds: Int64 = 60
    /// `LOG_LEVEL`; nil when unset, and each command keeps its own default (`serve`: info; the others: notice).
    var logLevel: Logger.Level? = nil

    enum DatabaseSetting: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)
    }

    enum MailSetting: Sendable, Equatable {
        case log(from: String)
        case smtp(SMTPSettings)
    }
}

/// A configuration that cannot start: each entry names the setting and what is wrong with it.
struct ConfigurationError: Error, CustomStringConvertible {
    var problems: [String]

    var description: String {
        "Rampart cannot start with this configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

enum EnvironmentNames {
    static let databaseURL = "DATABASE_URL"
    static let databaseParts = ["DATABASE_HOST", "DATABASE_PORT", "DATABASE_USERNAME", "DATABASE_PASSWORD", "DATABASE_NAME"]
    static let dataFile = "RAMPART_DATA"
    static let smtpHost = "SMTP_HOST"
    static let smtpPort = "SMTP_PORT"
    static let smtpUsername = "SMTP_USERNAME"
    static let smtpPassword = "SMTP_PASSWORD"
    static let smtpSecurity = "SMTP_SECURITY"
    static let mailFrom = "MAIL_FROM"
    static let publicURL = "PUBLIC_URL"
    static let trustedProxies = "TRUSTED_PROXIES"
    static let metricsToken = "METRICS_TOKEN"
    static let logLevel = "LOG_LEVEL"
}

extension AppConfig {
    /// Reads the settings from `environment`; `dataFile` (the `--data` option) wins over `RAMPART_DATA`.
    static func load(environment: [String: String], dataFile: String?, port: Int) throws(ConfigurationError) -> AppConfig {
        var problems: [String] = []
        let env = environment.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }

        let database = readDatabase(env, dataFile: dataFile, problems: &problems)
        let from = env[EnvironmentNames.mailFrom] ?? "Rampart <no-reply@rampart.local>"
        let mail = readMail(env, from: from, problems: &problems)
        let publicURL = (env[EnvironmentNames.publicURL] ?? "http://127.0.0.1:\(port)")
        if !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            problems.append("\(EnvironmentNames.publicURL): must start with http:// or https:// (got \"\(publicURL)\")")
        }
        let proxies = (env[EnvironmentNames.trustedProxies] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for proxy in proxies where !ClientAddress.isIPAddress(proxy) {
            problems.append("\(EnvironmentNames.trustedProxies): \"\(proxy)\" is not an IP address (give addresses, comma-separated)")
        }
        let metricsToken = env[EnvironmentNames.metricsToken]
        if let metricsToken, metricsToken.count < 16 {
            problems.append("\(EnvironmentNames.metricsToken): must be at least 16 characters (got \(metricsToken.count))")
        }
        let logLevel = Self.logLevel(in: env)
        if let text = env[EnvironmentNames.logLevel], logLevel == nil {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("\(EnvironmentNames.logLevel): must be one of \(levels) (got \"\(text)\")")
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        let trimmedURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return AppConfig(
            database: database, mail: mail, publicURL: trimmedURL, secureCookies: trimmedURL.hasPrefix("https://"),
            outboxIntervalSeconds: 5, trustedProxies: Set(proxies), metricsToken: metricsToken, logLevel: logLevel)
    }

    private static func readDatabase(_ env: [String: String], dataFile: String?, problems: inout [String]) -> DatabaseSetting {
        if let url = env[EnvironmentNames.databaseURL] {
            guard let parsed = URLComponents(string: url), let scheme = parsed.scheme,
                ["postgres", "postgresql"].contains(scheme)
            else {
                problems.append("\(EnvironmentNames.databaseURL): must be a postgres:// URL (got a value with another scheme or no scheme)")
                return .sqliteMemory
            }
            if (parsed.host ?? "").isEmpty { problems.append("\(EnvironmentNames.databaseURL): the host is missing") }
            if parsed.path.count <= 1 {
                problems.append("\(EnvironmentNames.databaseURL): the database name is missing (postgres://user@host:5432/NAME)")
            }
            if (parsed.user ?? "").isEmpty {
                problems.append("\(EnvironmentNames.databaseURL): the user name is missing (postgres://USER@host/name)")
            }
            return .postgres(url: url)
        }
        let setParts = EnvironmentNames.databaseParts.filter { env[$0] != nil }
        if !setParts.isEmpty {
            let missing = EnvironmentNames.databaseParts.filter { env[$0] == nil && $0 != "DATABASE_PASSWORD" }
            problems.append(
                "PostgreSQL is configured by \(EnvironmentNames.databaseURL)=postgres://user:password@host:port/name; "
                    + "found \(setParts.joined(separator: ", ")) without it"
                    + (missing.isEmpty ? "" : " (and \(missing.joined(separator: ", ")) unset)"))
            return .sqliteMemory
        }
        let file = dataFile ?? env[EnvironmentNames.dataFile] ?? "rampart.sqlite"
        return file == ":memory:" ? .sqliteMemory : .sqliteFile(file)
    }

    private static func readMail(_ env: [String: String], from: String, problems: inout [String]) -> MailSetting {
        guard let host = env[EnvironmentNames.smtpHost] else {
            for name in [EnvironmentNames.smtpPort, EnvironmentNames.smtpUsername, EnvironmentNames.smtpPassword]
            where env[name] != nil {
                problems.append("\(name) is set but \(EnvironmentNames.smtpHost) is not: set the mail server's host too")
            }
            return .log(from: from)
        }
        var port = 587
        if let text = env[EnvironmentNames.smtpPort] {
            if let value = Int(text), (1...65535).contains(value) {
                port = value
            } else {
                problems.append("\(EnvironmentNames.smtpPort): must be a port number from 1 to 65535 (got \"\(text)\")")
            }
        }
        let username = env[EnvironmentNames.smtpUsername]
        let password = env[EnvironmentNames.smtpPassword]
        if (username == nil) != (password == nil) {
            problems.append("\(EnvironmentNames.smtpUsername) and \(EnvironmentNames.smtpPassword) must be set together")
        }
        var security = SMTPSecurity.startTLS
        switch env[EnvironmentNames.smtpSecurity]?.lowercased() {
        case nil, "starttls": security = .startTLS
        case "none": security = .none
        case let other?:
            problems.append("\(EnvironmentNames.smtpSecurity): must be \"starttls\" or \"none\" (got \"\(other)\")")
        }
        return .smtp(SMTPSettings(host: host, port: port, username: username, password: password, security: security, from: from))
    }
}

extension AppConfig {
    /// `LOG_LEVEL` as a level, any case; nil when unset or not a level (`load` reports the latter).
    static func logLevel(in environment: [String: String]) -> Logger.Level? {
        environment[EnvironmentNames.logLevel].flatMap { Logger.Level(rawValue: $0.lowercased()) }
    }
}
