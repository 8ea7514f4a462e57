import Fluent
import RampartCore
import Vapor

extension Request {
    /// A whole number from the query string, read as decimal digits only; nil when absent, 422 naming the
    /// field when it is not a whole number in the range of `Int`.
    func queryInteger(_ name: String) throws -> Int? {
        guard let text = query[String.self, at: name] else { return nil }
        guard let value = DecimalText.integer(text) else { throw InputError(name, "must be a whole number") }
        return value
    }

    /// `?page=` and `?per=` of a list, judged by `PageRules`.
    var pageRequest: PageRequest {
        get throws { PageRequest(page: try pageNumber, per: try perPage(default: 50)) }
    }

    /// `?page=` (from 1; 1 when absent), judged by `PageRules`.
    var pageNumber: Int {
        get throws {
            let page = try queryInteger("page") ?? 1
            if let problem = PageRules.pageProblem(page) { throw InputError("page", problem) }
            return page
        }
    }

    func perPage(default fallback: Int) throws -> Int {
        let per = try queryInteger("per") ?? fallback
        if let problem = PageRules.perProblem(per) { throw InputError("per", problem) }
        return per
    }
}

/// A whole number typed into a form (a version, a lead time, a priority), read as decimal digits only.
enum FormNumber {
    static func integer(_ text: String?) -> Int? { text.flatMap(DecimalText.integer) }
    /// As typed, or as the pages write numbers ("1,000").
    static func number(_ text: String?) -> Double? { text.flatMap(DecimalText.grouped) }
}
