import Plot
import Vapor

extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: render()))
    }
}

extension HTML {
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let response = try await encodeResponse(for: request)
        response.status = status
        return response
    }
}
