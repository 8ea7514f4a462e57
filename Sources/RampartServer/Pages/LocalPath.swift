import Plot
import Vapor

import Foundation

/// Return addresses after sign-in and password reset: only paths of Rampart itself, never another site.
enum LocalPath {
    static func sanitise(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\"),
              !raw.contains(where: { $0 == "\\" || $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }),
              let components = URLComponents(string: raw), components.scheme == nil, components.host == nil
        else { return "/" }
        return raw
    }

    static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension HTML {
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let response = try await encodeResponse(for: request)
        response.status = status
        return response
    }
}
