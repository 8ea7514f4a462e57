import Vapor

/// What one list offers its reader: the columns it sorts by, its filters with their choices, and whether it has a
/// search box. A query string asking for anything else is refused with the field named, never ignored.
struct TableSpec: Sendable {
    struct Filter: Sendable {
        var name: String
        var label: String
        /// The choices, as (value, label); the first is "all" with an empty value.
        var options: [(value: String, label: String)]
    }

    /// Sort keys, the default first.
    var sortKeys: [String]
    var defaultDescending: Bool = false
    var filters: [Filter] = []
    /// The search box's label, or nil for a list without one.
    var searchLabel: String? = nil
}

/// A list page's sort, filters, search text and page, read from its query string (`?sort=due&dir=desc&q=155&
/// priority=1&page=3`) against its `TableSpec`. The same query serves the page and its CSV, so the CSV holds the rows
/// the page shows, in the same order, on all pages.
struct TableQuery: Sendable, Equatable {
    var sort: String
    var descending: Bool
    /// Trimmed; empty when there is no search.
    var search: String
    /// Filter name → chosen value; only filters with a value.
    var filters: [String: String]
    var page: Int

    static let searchLimit = 100

    init(sort: String, descending: Bool, search: String = "", filters: [String: String] = [:], page: Int = 1) {
        self.sort = sort
        self.descending = descending
        self.search = search
        self.filters = filters
        self.page = page
    }

    init(_ req: Request, _ spec: TableSpec) throws {
        var problems: [String] = []
        let known = Set(["sort", "dir", "q", "page", "per"] + spec.filters.map(\.name))
        let asked = URLComponents(string: "?" + (req.url.query ?? ""))?.queryItems?.map(\.name) ?? []
        for name in Set(asked).subtracting(known).sorted() {
            problems.append("\(name): this list has no such filter")
        }
        let sortText = req.query[String.self, at: "sort"] ?? ""
        if sortText.isEmpty || spec.sortKeys.contains(sortText) {
            sort = sortText.isEmpty ? spec.sortKeys[0] : sortText
        } else {
            sort = spec.sortKeys[0]
            problems.append("sort: must be one of \(spec.sortKeys.joined(separator: ", "))")
        }
        switch req.query[String.self, at: "dir"] ?? "" {
        case "": descending = sortText.isEmpty ? spec.defaultDescending : false
        case "asc": descending = false
        case "desc": descending = true
        default:
            descending = spec.defaultDescending
            problems.append("dir: must be asc or desc")
        }
        let text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if spec.searchLabel == nil, !text.isEmpty {
            problems.append("q: this list has no search")
        } else if text.count > Self.searchLimit {
            problems.append("q: must be at most \(Self.searchLimit) characters")
        }
        search = text.count > Self.searchLimit ? "" : text
        filters = [:]
        for filter in spec.filters {
            let value = req.query[String.self, at: filter.name] ?? ""
            guard !value.isEmpty else { continue }
            if filter.options.contains(where: { $0.value == value }) {
                filters[filter.name] = value
            } else {
                let choices = filter.options.map(\.value).filter { !$0.isEmpty }
                problems.append("\(filter.name): must be one of \(choices.joined(separator: ", "))")
            }
        }
        do {
            page = try req.pageNumber
        } catch let error as InputError {
            page = 1
            problems += error.problems
        }
        if !problems.isEmpty { throw InputError(problems: problems, field: problems.first?.split(separator: ":").first.map(String.init)) }
    }

    /// The query string that gives this list back, page left out unless asked for; with `sort` given, sorted by it
    /// instead.
    func items(page: Int? = nil, sort: String? = nil, descending: Bool? = nil) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        out.append(("sort", sort ?? self.sort))
        out.append(("dir", (descending ?? self.descending) ? "desc" : "asc"))
        if !search.isEmpty { out.append(("q", search)) }
        for name in filters.keys.sorted() { out.append((name, filters[name] ?? "")) }
        if let page, page > 1 { out.append(("page", String(page))) }
        return out
    }

    /// Whether the reader narrowed the list.
    var isNarrowed: Bool { !search.isEmpty || !filters.isEmpty }

    /// The search text as a SQL `LIKE` pattern of a lower-cased column, with `\` as the escape character.
    var likePattern: String { "%" + Self.likeEscaped(search.lowercased()) + "%" }

    /// `text` with `%`, `_` and `\` escaped by `\`, to match as it is inside a `LIKE` pattern.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
