import Vapor

enum CSVDownload {
    /// `table` as a CSV attachment named `filename` (letters, digits, `-`, `_` and `.` kept; others dropped).
    static func response(_ table: CSVTable, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let safe = String(filename.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) })
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe)\"")
        return Response(status: .ok, headers: headers, body: .init(string: table.text))
    }
}
