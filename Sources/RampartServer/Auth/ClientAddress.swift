import Foundation

/// Who is asking, by address. Behind a reverse proxy every connection comes from the proxy; it names the client in
/// `X-Forwarded-For`, a header anyone can also send. So the header is read only when the connection comes from a
/// proxy the operator trusts, and from the right: the last address a trusted proxy did not add is the client's.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for address in chain.reversed() where !trustedProxies.contains(address) {
            return isIPAddress(address) ? address : peer
        }
        return peer
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
