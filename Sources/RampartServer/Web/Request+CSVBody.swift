import Vapor

extension Request {
    /// A CSV import's body (`text/csv`, or plain text; at most the forms' limit), as UTF-8 text.
    func csvBody() throws -> String {
        guard let buffer = body.data else { throw InputError("file", "send the CSV as the request body, as text/csv") }
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else { throw InputError("file", "is not UTF-8 text") }
        return text
    }
}
