import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small W3C WebDriver client for the browser tests: starts `chromedriver` (Debian's `chromium-driver`),
// opens headless Chromium sessions and drives them with JSON over HTTP.

/// What goes wrong while driving the browser; the message says what to do about it.
struct WebDriverError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

// MARK: - JSON values

/// A JSON value as the WebDriver protocol sends and receives it.
enum WebDriverValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([WebDriverValue])
    case object([String: WebDriverValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([WebDriverValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: WebDriverValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var int: Int? { number.map { Int($0) } }
    var array: [WebDriverValue]? { if case .array(let value) = self { value } else { nil } }
    var object: [String: WebDriverValue]? { if case .object(let value) = self { value } else { nil } }
    var isNull: Bool { self == .null }
    /// The strings of an array (non-strings are left out).
    var strings: [String] { array?.compactMap(\.string) ?? [] }

    subscript(key: String) -> WebDriverValue { object?[key] ?? .null }
    subscript(index: Int) -> WebDriverValue { array.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? .null }

    var description: String {
        guard let data = try? JSONEncoder().encode(self) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension WebDriverValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(arrayLiteral elements: WebDriverValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, WebDriverValue)...) { self = .object(Dictionary(elements) { $1 }) }
    init(nilLiteral: ()) { self = .null }
}

// MARK: - Locating the browser

enum BrowserInstallation {
    static let installHint =
        "the browser tests need Debian's Chromium and its WebDriver: run `apt-get install -y chromium chromium-driver` "
        + "(binaries /usr/bin/chromium and /usr/bin/chromedriver; CHROMIUM_BINARY and CHROMEDRIVER override the paths)"

    /// The chromedriver executable: `CHROMEDRIVER`, else the usual Debian places, else the PATH.
    static func chromedriver() throws -> String {
        try find(
            environment: "CHROMEDRIVER", candidates: ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
            pathNames: ["chromedriver"], what: "chromedriver")
    }

    /// The Chromium executable: `CHROMIUM_BINARY`, else the usual Debian places, else the PATH.
    static func chromium() throws -> String {
        try find(
            environment: "CHROMIUM_BINARY", candidates: ["/usr/bin/chromium", "/usr/bin/chromium-browser"],
            pathNames: ["chromium", "chromium-browser"], what: "chromium")
    }

    private static func find(environment: String, candidates: [String], pathNames: [String], what: String) throws -> String {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment[environment], !override.isEmpty {
            guard fm.isExecutableFile(atPath: override) else {
                throw WebDriverError("\(environment)=\(override) is not an executable file; \(installHint)")
            }
            return override
        }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let all = candidates + path.flatMap { dir in pathNames.map { "\(dir)/\($0)" } }
        guard let found = all.first(where: { fm.isExecutableFile(atPath: $0) }) else {
            throw WebDriverError("\(what) is not installed (looked in \(candidates.joined(separator: ", ")) and the PATH); \(installHint)")
        }
        return found
    }
}

// MARK: - HTTP

/// JSON over HTTP with AsyncHTTPClient (Vapor's own client). Foundation's URLSession on Linux cannot read
/// chromedriver's answers: it rejects header lines without a space after the colon ("Failed writing header").
enum WebDriverHTTP {
    /// One command: the `value` of the answer, or a `WebDriverError` naming the command and WebDriver's error.
    static func send(
        _ method: String, _ url: URL, _ body: WebDriverValue? = nil, timeout: TimeInterval = 120
    ) async throws -> WebDriverValue {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if body != nil || method == "POST" {
            let bytes = try body.map { try JSONEncoder().encode($0) } ?? Data("{}".utf8)
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(bytes: bytes))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(timeout * 1_000)))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        let data = Data(buffer.readableBytesView)
        let status = Int(response.status.code)
        let decoded: WebDriverValue
        do {
            decoded = try JSONDecoder().decode(WebDriverValue.self, from: data)
        } catch {
            throw WebDriverError("\(method) \(url.path): HTTP \(status), not JSON: \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
        let value = decoded["value"]
        if let error = value["error"].string {
            throw WebDriverError("\(method) \(url.path): \(error): \(value["message"].string ?? "")")
        }
        guard (200..<300).contains(status) else {
            throw WebDriverError("\(method) \(url.path): HTTP \(status): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
        return value
    }
}

// MARK: - chromedriver

/// A running `chromedriver` and the sessions opened on it; `stop()` ends them all and the process.
final class ChromeDriver: @unchecked Sendable {
    let baseURL: URL
    let chromium: String
    private let process: Process
    private let logURL: URL
    private let lock = NSLock()
    private var sessions: [WebDriverSession] = []

    private init(process: Process, port: Int, logURL: URL, chromium: String) {
        self.process = process
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.logURL = logURL
        self.chromium = chromium
    }

    /// Starts `chromedriver --port=0` and waits until it reports its port and `/status` says it is ready.
    static func start() async throws -> ChromeDriver {
        let executable = try BrowserInstallation.chromedriver()
        let chromium = try BrowserInstallation.chromium()
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-chromedriver-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
            throw WebDriverError("cannot create \(logURL.path)")
        }
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port=0", "--allowed-ips=127.0.0.1"]
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? log.close()
            throw WebDriverError("cannot start \(executable): \(error); \(BrowserInstallation.installHint)")
        }
        try? log.close()

        // chromedriver prints "ChromeDriver was started successfully on port N." once it listens.
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil {
            let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
            if let range = text.range(of: "started successfully on port ") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
            if port != nil { break }
            if !process.isRunning || Date() > deadline {
                if process.isRunning { process.terminate() }
                throw WebDriverError("chromedriver (\(executable)) did not start: \(text.suffix(2_000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let driver = ChromeDriver(process: process, port: port!, logURL: logURL, chromium: chromium)
        var lastAnswer = "no answer"
        while true {
            do {
                let ready = try await WebDriverHTTP.send("GET", driver.baseURL.appendingPathComponent("status"), timeout: 5)
                if ready["ready"].bool == true { return driver }
                lastAnswer = "\(ready)"
            } catch {
                lastAnswer = "\(error)"
            }
            if !process.isRunning || Date() > deadline {
                let log = driver.logTail()
                await driver.stop()
                throw WebDriverError("chromedriver on port \(port!) never became ready (\(lastAnswer)); its log: \(log)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A new headless Chromium session with its own profile (own cookies); `baseURL` is the site paths are relative to.
    func newSession(baseURL: String) async throws -> WebDriverSession {
        let args: WebDriverValue = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--password-store=basic",
        ]
        let capabilities: WebDriverValue = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "unhandledPromptBehavior": "dismiss and notify",
                    "goog:chromeOptions": ["binary": .string(chromium), "args": args],
                ]
            ]
        ]
        let value: WebDriverValue
        do {
            value = try await WebDriverHTTP.send("POST", self.baseURL.appendingPathComponent("session"), capabilities)
        } catch {
            throw WebDriverError(
                "could not open a Chromium session (\(chromium)): \(error); \(BrowserInstallation.installHint). chromedriver log: \(logTail())"
            )
        }
        guard let id = value["sessionId"].string else { throw WebDriverError("new session: no sessionId in \(value)") }
        let session = WebDriverSession(driver: self, id: id, siteURL: baseURL)
        lock.withLock { sessions.append(session) }
        try await session.setTimeouts(pageLoadMs: 60_000, scriptMs: 30_000)
        return session
    }

    func forget(_ session: WebDriverSession) {
        lock.withLock { sessions.removeAll { $0 === session } }
    }

    /// Ends every session still open, then chromedriver itself (SIGTERM, then SIGKILL after 5 s).
    func stop() async {
        let open = lock.withLock { sessions }
        for session in open { await session.end() }
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: logURL)
    }

    func logTail() -> String {
        String(((try? String(contentsOf: logURL, encoding: .utf8)) ?? "").suffix(2_000))
    }
}

/// Runs `body` with a chromedriver that is stopped afterwards, whether `body` returns or throws.
func withChromeDriver<T>(_ body: (ChromeDriver) async throws -> T) async throws -> T {
    let driver = try await ChromeDriver.start()
    do {
        let result = try await body(driver)
        await driver.stop()
        return result
    } catch {
        await driver.stop()
        throw error
    }
}

// MARK: - Sessions and elements

/// One browser window: navigation, elements, scripts.
final class WebDriverSession: @unchecked Sendable {
    let driver: ChromeDriver
    let id: String
    /// The site paths given to `open` are relative to, e.g. `http://127.0.0.1:41234`.
    let siteURL: String
    private let lock = NSLock()
    private var ended = false

    init(driver: ChromeDriver, id: String, siteURL: String) {
        self.driver = driver
        self.id = id
        self.siteURL = siteURL
    }

    private func url(_ command: String) -> URL {
        var url = driver.baseURL.appendingPathComponent("session").appendingPathComponent(id)
        for part in command.split(separator: "/") { url.appendPathComponent(String(part)) }
        return url
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: WebDriverValue? = nil) async throws -> WebDriverValue {
        try await WebDriverHTTP.send(method, url(path), body)
    }

    func setTimeouts(pageLoadMs: Int, scriptMs: Int) async throws {
        try await command(
            "POST", "timeouts", ["pageLoad": .number(Double(pageLoadMs)), "script": .number(Double(scriptMs)), "implicit": 0])
    }

    /// Closes the window and its browser; safe to call twice.
    func end() async {
        let first = lock.withLock { () -> Bool in
            defer { ended = true }
            return !ended
        }
        guard first else { return }
        _ = try? await WebDriverHTTP.send(
            "DELETE", driver.baseURL.appendingPathComponent("session").appendingPathComponent(id), timeout: 30)
        driver.forget(self)
    }

    // navigation

    /// Goes to `pathOrURL` (a path is taken relative to `siteURL`) and waits for the page to load.
    func open(_ pathOrURL: String) async throws {
        let target = pathOrURL.hasPrefix("/") ? siteURL + pathOrURL : pathOrURL
        try await command("POST", "url", ["url": .string(target)])
    }

    func currentURL() async throws -> String {
        try await command("GET", "url").string ?? ""
    }

    /// The path and query of the current page, e.g. `/plans/…`.
    func currentPath() async throws -> String {
        let url = try await currentURL()
        guard url.hasPrefix(siteURL) else { return url }
        return String(url.dropFirst(siteURL.count))
    }

    func title() async throws -> String {
        try await command("GET", "title").string ?? ""
    }

    func source() async throws -> String {
        try await command("GET", "source").string ?? ""
    }

    func refresh() async throws {
        try await command("POST", "refresh")
    }

    // elements

    func element(_ css: String) async throws -> WebElement {
        let value: WebDriverValue
        do {
            value = try await command("POST", "element", ["using": "css selector", "value": .string(css)])
        } catch {
            let path = (try? await currentPath()) ?? "?"
            throw WebDriverError("no element `\(css)` on \(path): \(error)")
        }
        return try WebElement(session: self, reference: value)
    }

    func elements(_ css: String) async throws -> [WebElement] {
        let value = try await command("POST", "elements", ["using": "css selector", "value": .string(css)])
        return try (value.array ?? []).map { try WebElement(session: self, reference: $0) }
    }

    // scripts

    /// Runs `script` (a function body; `arguments[i]` are `args`) in the page and returns its result.
    @discardableResult
    func execute(_ script: String, _ args: [WebDriverValue] = []) async throws -> WebDriverValue {
        try await command("POST", "execute/sync", ["script": .string(script), "args": .array(args)])
    }

    /// A script that ends by calling its last argument with the result.
    func executeAsync(_ script: String, _ args: [WebDriverValue] = []) async throws -> WebDriverValue {
        try await command("POST", "execute/async", ["script": .string(script), "args": .array(args)])
    }

    /// `document.body.innerText`: the text as a reader sees it.
    func bodyText() async throws -> String {
        try await execute("return document.body ? document.body.innerText : '';").string ?? ""
    }

    // waiting

    /// Polls `probe` every `every` until it returns a value, or fails after `timeout` saying what was awaited.
    /// Errors from `probe` (a page in the middle of loading, say) count as "not yet".
    func waitFor<T: Sendable>(
        _ what: String, timeout: Duration = .seconds(20), every: Duration = .milliseconds(200),
        _ probe: () async throws -> T?
    ) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastError: (any Error)?
        while true {
            do {
                if let value = try await probe() { return value }
                lastError = nil
            } catch {
                lastError = error
            }
            if clock.now >= deadline {
                let path = (try? await currentPath()) ?? "?"
                let text = ((try? await bodyText()) ?? "").prefix(1_500)
                throw WebDriverError(
                    "timed out after \(timeout) waiting for \(what); on \(path)"
                        + (lastError.map { "; last error: \($0)" } ?? "") + "; the page reads:\n\(text)")
            }
            try await Task.sleep(for: every)
        }
    }

    /// Waits until the current path (without the query) satisfies `matches`; returns the full path.
    @discardableResult
    func waitForPath(
        _ what: String, timeout: Duration = .seconds(20), _ matches: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        try await waitFor("the path to be \(what)", timeout: timeout) {
            let path = try await self.currentPath()
            let bare = String(path.prefix { $0 != "?" && $0 != "#" })
            return matches(bare) ? path : nil
        }
    }

    @discardableResult
    func waitForPath(_ expected: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitForPath(expected, timeout: timeout) { $0 == expected }
    }
}

/// An element of the page, by its WebDriver reference.
struct WebElement: Sendable {
    static let key = "element-6066-11e4-a52e-4f735466cecf"
    let session: WebDriverSession
    let id: String

    init(session: WebDriverSession, reference: WebDriverValue) throws {
        guard let id = reference[Self.key].string else { throw WebDriverError("not an element reference: \(reference)") }
        self.session = session
        self.id = id
    }

    var reference: WebDriverValue { [Self.key: .string(id)] }

    func click() async throws {
        try await session.command("POST", "element/\(id)/click")
    }

    func clear() async throws {
        try await session.command("POST", "element/\(id)/clear")
    }

    func sendKeys(_ text: String) async throws {
        try await session.command("POST", "element/\(id)/value", ["text": .string(text)])
    }

    /// Clears the field, then types `text`.
    func replaceText(_ text: String) async throws {
        try await clear()
        try await sendKeys(text)
    }

    func text() async throws -> String {
        try await session.command("GET", "element/\(id)/text").string ?? ""
    }

    /// A DOM property, e.g. `value` of an input as the browser holds it now.
    func property(_ name: String) async throws -> WebDriverValue {
        try await session.command("GET", "element/\(id)/property/\(name)")
    }

    func attribute(_ name: String) async throws -> String? {
        try await session.command("GET", "element/\(id)/attribute/\(name)").string
    }
}
