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

    /// The bucket an address counts in for rate limits: an IPv4 address alone (an IPv4-mapped IPv6 address as its
    /// IPv4 address), an IPv6 address by its /64, which one subscriber usually holds whole.
    static func bucket(_ address: String) -> String {
        var v6 = in6_addr()
        guard !address.contains("."), inet_pton(AF_INET6, address, &v6) == 1 else {
            return address.hasPrefix("::ffff:") ? String(address.dropFirst(7)) : address
        }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
