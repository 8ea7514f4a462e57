/// The checks of a scenario beyond JSON types: ranges, ids, references, bills of materials.
/// A nil field in the draft was reported by the reader and is skipped here. Issues come in list
/// order: header, items (then BOM cycles), lines, supplies, stocks, demands.
struct SemanticChecker {

    let draft: ScenarioDraft
    /// The horizon if valid; otherwise months are only checked for being negative.
    let horizon: Int?
    /// Item id → index of the first item with it, for every item whose id could be read.
    let itemIndex: [String: Int]
    /// False when some item id could not be read, so that "unknown item" would be a guess.
    let itemsComplete: Bool
    /// The classes of all items; nil when some item's class could not be read.
    let classes: Set<String>?
    var issues: [ScenarioIssue] = []

    static func issues(in draft: ScenarioDraft) -> [ScenarioIssue] {
        var checker = SemanticChecker(draft)
        checker.checkHeader()
        checker.checkItems()
        checker.checkSources(draft.lines, list: "lines")
        checker.checkSources(draft.supplies, list: "supplies")
        checker.checkStocks()
        checker.checkDemands()
        return checker.issues
    }

    private init(_ draft: ScenarioDraft) {
        self.draft = draft
        horizon = draft.horizonMonths.flatMap { FieldRules.horizonProblem($0) == nil ? $0 : nil }
        let items = draft.items ?? []
        var itemIndex: [String: Int] = [:]
        itemIndex.reserveCapacity(items.count)
        var classes: Set<String>? = []
        for (index, item) in items.enumerated() {
            if let id = item.id, itemIndex[id] == nil { itemIndex[id] = index }
            switch item.itemClass {
            case .present(let itemClass): classes?.insert(itemClass)
            case .absent: break
            case .invalid: classes = nil
            }
        }
        self.itemIndex = itemIndex
        itemsComplete = draft.items != nil && items.allSatisfy { $0.id != nil }
        self.classes = draft.items == nil ? nil : classes
    }

    mutating func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    private mutating func checkHeader() {
        if let version = draft.version, version != Scenario.currentVersion {
            report("version", "\(version) is not supported (expected \(Scenario.currentVersion))")
        }
        checkNotEmpty(draft.name, at: "name")
        if let month = draft.startMonth, !Self.isYearMonth(month) {
            report("startMonth", "\(IssueText.quoted(month)) is not a month of the form YYYY-MM (month 01 to 12)")
        }
        if let months = draft.horizonMonths, let problem = FieldRules.horizonProblem(months) {
            report("horizonMonths", problem)
        }
    }

    static func isYearMonth(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Int? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) ? Int(b[i] - UInt8(ascii: "0")) : nil
        }
        guard b.count == 7, b[4] == UInt8(ascii: "-"), (0..<4).allSatisfy({ digit($0) != nil }),
            let tens = digit(5), let ones = digit(6)
        else { return false }
        return (1...12).contains(tens * 10 + ones)
    }

    // MARK: - Checks shared by the lists

    mutating func checkNotEmpty(_ value: String?, at path: @autoclosure () -> String) {
        if value?.isEmpty == true { report(path(), "must not be empty") }
    }

    /// Non-empty and unique within its list (`seen`: id → first index).
    mutating func checkID(_ id: String?, list: String, index: Int, seen: inout [String: Int]) {
        guard let id else { return }
        if id.isEmpty {
            report("\(list)[\(index)].id", "must not be empty")
        } else if let first = seen[id] {
            report("\(list)[\(index)].id", "duplicate id \(IssueText.quoted(id)) (first at \(list)[\(first)])")
        } else {
            seen[id] = index
        }
    }

    mutating func checkItemReference(_ item: String?, at path: @autoclosure () -> String) {
        guard let item else { return }
        if item.isEmpty {
            report(path(), "must not be empty")
        } else if itemsComplete, itemIndex[item] == nil {
            report(path(), "unknown item \(IssueText.quoted(item))")
        }
    }

    /// A month index in `0 ..< horizonMonths`; true if it is.
    @discardableResult
    mutating func checkMonth(_ month: Int?, at path: @autoclosure () -> String) -> Bool {
        guard let month else { return false }
        if let problem = FieldRules.monthProblem(month, horizon: horizon ?? Int.max) {
            report(path(), problem)
            return false
        }
        return true
    }

    /// A quantity within the contract's bounds: non-negative, or positive if `positive`, at most 1e12.
    mutating func checkQuantity(_ qty: Double?, positive: Bool, at path: @autoclosure () -> String) {
        guard let qty, let problem = FieldRules.quantityProblem(qty, positive: positive) else { return }
        report(path(), problem)
    }
}
