import Testing

@testable import RampartCore

/// The contract's bounds and the parsers of typed numbers: one rule each, judged the same everywhere.
struct FieldRulesTests {
    @Test(arguments: [
        ("12", 12.0), ("  7.5 ", 7.5), ("+3", 3.0), ("-2", -2.0), (".5", 0.5), ("1000000000000", 1e12), ("0", 0.0),
    ])
    func decimal_numbers_are_read(text: String, value: Double) {
        #expect(DecimalText.number(text) == value)
    }

    @Test(arguments: [
        "0x10", "1e3", "1E3", "inf", "nan", "Infinity", "", " ", "1.2.3", "1,000", "--1", "+", ".", "12abc",
        String(repeating: "9", count: 10_000),
    ])
    func other_spellings_are_not_numbers(text: String) {
        #expect(DecimalText.number(text) == nil)
        #expect(DecimalText.integer(text) == nil)
    }

    /// Forms take numbers as the pages write them; a comma that does not group three digits is no number.
    @Test func numbersGroupedAsThePagesWriteThemAreRead() {
        #expect(DecimalText.grouped("1,000") == 1_000)
        #expect(DecimalText.grouped(" 12,345.5 ") == 12_345.5)
        #expect(DecimalText.grouped("1,234,567") == 1_234_567)
        #expect(DecimalText.grouped("-1,000") == -1_000)
        #expect(DecimalText.grouped("250") == 250)
        for text in ["1,5", "1,00", "1000,000", ",100", "1,,000", "1,000,", "12,3456", "0x1,000", "1,000e3"] {
            #expect(DecimalText.grouped(text) == nil, "\(text)")
        }
    }

    @Test func integersOutsideIntAreRefusedWithoutATrap() {
        #expect(DecimalText.integer("9223372036854775807") == Int.max)
        #expect(DecimalText.integer("9223372036854775808") == nil)
        #expect(DecimalText.integer("18446744073709551616") == nil)
        #expect(DecimalText.integer("3.5") == nil)
        #expect(DecimalText.integer("-12") == -12)
    }

    @Test func quantitiesAreBoundedByTheContract() {
        #expect(FieldRules.quantityProblem(1e12, positive: true) == nil)
        #expect(FieldRules.quantityProblem(1e308, positive: true) == "1e+308 is too large (at most 1e12)")
        #expect(FieldRules.quantityProblem(.nan, positive: true) == "nan is not a finite number")
        #expect(FieldRules.quantityProblem(0, positive: true) == "0 is not positive")
        #expect(FieldRules.quantityProblem(0, positive: false) == nil)
        #expect(FieldRules.billQuantityProblem(1e6) == nil)
        #expect(FieldRules.billQuantityProblem(2e6) == "2000000 is too large (at most 1e6)")
        #expect(FieldRules.capacityProblem(-1) == "-1 is negative")
    }

    @Test func monthsLeadTimesAndPriorities() {
        #expect(FieldRules.leadTimeProblem(1200) == nil)
        #expect(FieldRules.leadTimeProblem(1201) == "1201 is too long (at most 1200 months)")
        #expect(FieldRules.leadTimeProblem(-1) == "-1 is negative")
        #expect(FieldRules.monthProblem(23, horizon: 24) == nil)
        #expect(FieldRules.monthProblem(24, horizon: 24) == "24 is past the horizon (24 months)")
        #expect(FieldRules.monthProblem(Int.min, horizon: 24) == "\(Int.min) is negative")
        #expect(FieldRules.priorityProblem(Int.max) == "\(Int.max) is out of range (1 to 5)")
    }

    @Test func pageOffsetsNeverOverflow() {
        #expect(PageRules.pageProblem(Int.max) != nil)
        #expect(PageRules.pageProblem(1_000_000) == nil)
        #expect(PageRules.perProblem(501) != nil)
        #expect(PageRules.offset(page: Int.max, per: Int.max) == (1_000_000 - 1) * 500)
        #expect(PageRules.offset(page: Int.min, per: 50) == 0)
    }
}

struct DemandIDTests {
    @Test func aNationsIdsCarryItsCode() {
        #expect(DemandID.problem("D-PL-0042", nation: "PL") == nil)
        #expect(DemandID.problem("D-PL-SOAK.1_a", nation: "PL") == nil)
        #expect(DemandID.problem("D-DE-9999", nation: "US") == "D-DE-9999 names nation DE; the ids of US's demands start with D-US-")
        #expect(
            DemandID.problem("D-PL-", nation: "PL")
                == "must start with D-PL- (the ids of PL's demands carry its code), for example D-PL-0042")
        #expect(
            DemandID.problem("PL-1", nation: "PL")
                == "must start with D-PL- (the ids of PL's demands carry its code), for example D-PL-0042")
        #expect(DemandID.problem("D-PL 1", nation: "PL") == #"only letters, digits, "-", "_" and ".""#)
        #expect(DemandID.problem("", nation: "PL") == "must be 1 to 64 characters")
        #expect(DemandID.problem(String(repeating: "D", count: 65), nation: "PL") == "must be 1 to 64 characters")
    }
}
