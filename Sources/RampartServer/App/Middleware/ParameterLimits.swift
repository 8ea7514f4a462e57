import Vapor

/// How many parameters a query string and a form body may hold. The form and query parsers take time that grows
/// faster than the count when a name repeats, so an address or a form with thousands of them is refused before
/// either is parsed. Rampart's largest form (a line's capacity steps) has about 250 fields.
enum ParameterLimits {
    static let query = 100
    static let formFields = 1_000

    /// The number of `name=value` pairs in `bytes` (separated by `&`).
    static func count(_ bytes: some Collection<UInt8>) -> Int {
        bytes.isEmpty ? 0 : bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "&") ? 1 : 0) }
    }

    /// Refuses an address with more than `query` query parameters, with a 400 that says so.
    struct Middleware: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if let query = request.url.query, ParameterLimits.count(query.utf8) > ParameterLimits.query {
                throw InputError("url", "an address may hold at most \(ParameterLimits.query) query parameters", status: .badRequest)
            }
            return try await next.respond(to: request)
        }
    }

    /// A form decoder that refuses a body of more than `formFields` fields before parsing it.
    struct FormDecoder<Base: ContentDecoder>: ContentDecoder {
        var base: Base

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(decodable, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(
            _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
        ) throws -> D {
            if ParameterLimits.count(body.readableBytesView) > ParameterLimits.formFields {
                throw InputError("body", "a form may hold at most \(ParameterLimits.formFields) fields", status: .badRequest)
            }
            return try base.decode(decodable, from: body, headers: headers, userInfo: userInfo)
        }
    }
}
