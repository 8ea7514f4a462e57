import Foundation
import RampartCore
import Vapor

/// PostgreSQL cannot store the NUL character in text (SQLite can): a request holding one, in its address or its
/// body, is refused on both databases alike before it reaches a query, with a 400 that says where.
enum NULGuard {
    /// Decodes with `base` after making sure the body holds none of `forbidden` (the raw byte, and the way the
    /// format writes it: `\u0000` in JSON, `%00` in a form).
    struct RefusingDecoder<Base: ContentDecoder>: ContentDecoder {
        var base: Base
        var forbidden: [[UInt8]]

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(decodable, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(
            _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
            userInfo: [CodingUserInfoKey: any Sendable]
        ) throws -> D {
            if body.readableBytesView.containsAny(of: forbidden) { throw InputError("body", TextRules.nulProblem, status: .badRequest) }
            return try base.decode(decodable, from: body, headers: headers, userInfo: userInfo)
        }
    }

    static let percentEncoded = Array("%00".utf8)
    static let jsonEscaped = Array("\\u0000".utf8)

    /// Every body format the server reads goes through a refusing decoder.
    static func install() {
        let json = JSONDecoder.custom(dates: .iso8601)
        ContentConfiguration.global.use(decoder: RefusingDecoder(base: json, forbidden: [[0], jsonEscaped]), for: .json)
        ContentConfiguration.global.use(decoder: RefusingDecoder(base: json, forbidden: [[0], jsonEscaped]), for: .jsonAPI)
        ContentConfiguration.global.use(
            decoder: ParameterLimits.FormDecoder(base: RefusingDecoder(base: URLEncodedFormDecoder(), forbidden: [[0], percentEncoded])),
            for: .urlEncodedForm)
        ContentConfiguration.global.use(decoder: RefusingDecoder(base: FormDataDecoder(), forbidden: [[0]]), for: .formData)
        ContentConfiguration.global.use(decoder: RefusingDecoder(base: PlaintextDecoder(), forbidden: [[0]]), for: .plainText)
    }

    /// Refuses an address (path or query) that holds the NUL character, written or percent-encoded.
    struct Middleware: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if Array(request.url.string.utf8).containsAny(of: [[0], NULGuard.percentEncoded]) {
                throw InputError("url", TextRules.nulProblem, status: .badRequest)
            }
            return try await next.respond(to: request)
        }
    }
}

extension Collection where Element == UInt8 {
    /// Whether any of `needles` occurs in the bytes (ASCII case ignored, so that `%00` and `\\U0000` match too).
    func containsAny(of needles: [[UInt8]]) -> Bool {
        let bytes = Array(self)
        for needle in needles where !needle.isEmpty && needle.count <= bytes.count {
            let lowered = needle.map(Self.lower)
            var index = 0
            while index + lowered.count <= bytes.count {
                if Self.lower(bytes[index]) == lowered[0],
                    (1..<lowered.count).allSatisfy({ Self.lower(bytes[index + $0]) == lowered[$0] })
                {
                    return true
                }
                index += 1
            }
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
