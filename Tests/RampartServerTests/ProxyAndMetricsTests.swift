import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Who counts as the client behind a proxy (rate limits are per address), and who may read `/metrics`.
@Suite struct ProxyAndMetricsTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.2", "10.0.0.3"]

        // MUT / validate
        // straight from a client: the header is whatever the client wrote, so it is ignored
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trustedProxies: []) == "203.0.113.9")
        // through the proxy: the address it appended, not the one the client made up in front of it
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.1, 203.0.113.9"], trustedProxies: proxies) == "203.0.113.9")
        // through two proxies, the header split over two lines
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.9", "10.0.0.3"], trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["2001:db8::7"], trustedProxies: proxies) == "2001:db8::7")
        // no header, or only proxies, or garbage: the peer
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["10.0.0.3"], trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["<script>"], trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["203.0.113.9"], trustedProxies: proxies) == "unknown")
    }

    @Test func proxyAndMetricsSettingsAreCheckedAtStartUp() throws {
        // MUT
        let good = try AppConfig.load(
            environment: ["TRUSTED_PROXIES": "10.0.0.2, ::1", "METRICS_TOKEN": "0123456789abcdef"],
            dataFile: nil, port: 8080)
        let bad = #expect(throws: ConfigurationError.self) {
            try AppConfig.load(
                environment: ["TRUSTED_PROXIES": "10.0.0.2,proxy.internal", "METRICS_TOKEN": "short"], dataFile: nil, port: 8080)
        }

        // validate
        #expect(good.trustedProxies == ["10.0.0.2", "::1"] && good.metricsToken == "0123456789abcdef")
        let problems = bad?.problems ?? []
        #expect(problems.contains { $0.hasPrefix("TRUSTED_PROXIES") && $0.contains("proxy.internal") })
        #expect(problems.contains { $0.hasPrefix("METRICS_TOKEN") && $0.contains("16") })
    }

    @Test func metricsAnswerOnlyTheMetricsToken() async throws {
        try await withTestApp { app in
            let staff = try await { () async throws -> String in
                try await Fixtures.seed(app)
                return try await Fixtures.token(app, Fixtures.staff)
            }()

            // MUT
            let none = try await app.api(.GET, "/metrics", token: nil)
            let accountToken = try await app.api(.GET, "/metrics", token: staff)
            let right = try await app.api(.GET, "/metrics", token: TestDatabase.metricsToken)

            // validate: refused in JSON, never a sign-in redirect
            for refused in [none, accountToken] {
                #expect(refused.status == .unauthorized && refused.body.string.contains("metrics token"))
                #expect(refused.headers.first(name: "WWW-Authenticate") == "Bearer")
            }
            #expect(right.status == .ok && right.body.string.contains("rampart_http_requests_total"))
        }
    }

    @Test func withoutAMetricsTokenTheMetricsAreOff() async throws {
        try await withTestApp(adjust: { $0.metricsToken = nil }) { app in
            // MUT
            let response = try await app.api(.GET, "/metrics", token: "anything-at-all-0123456789")

            // validate
            #expect(response.status == .notFound && response.body.string.contains("METRICS_TOKEN"))
        }
    }
}
