import Testing

@testable import RampartServer

/// Charts people can read: titles and axis titles in the SVG, year ticks, the gap behind demand shaded.
@Suite struct ChartTests {
    @Test func aLineChartHasItsTitleAxisTitlesAndYearTicks() {
        // setup: 30 months from 2026-01, deliveries falling behind
        let labels = (0..<30).map { "\(2026 + $0 / 12)-\($0 % 12 + 1 < 10 ? "0" : "")\($0 % 12 + 1)" }
        let series = MonthlySeries(
            monthLabels: labels, demanded: (0..<30).map { Double($0 + 1) * 100 }, delivered: (0..<30).map { Double($0) * 50 })

        // MUT
        let svg = SVGChart.deliveriesAgainstDemand(series)

        // validate
        #expect(svg.contains(">units, cumulative</text>") && svg.contains(">calendar year (ticks at January)</text>"))
        for year in ["2026", "2027", "2028"] { #expect(svg.contains(">\(year)</text>"), "\(year)") }
        #expect(!svg.contains(">2026-07</text>"), "months are not ticks when there are years")
        #expect(svg.contains("<polygon") && svg.contains("Behind demand"))
        #expect(SVGChart.yearTicks(["2026-05", "2026-06"]) == nil)
        #expect(SVGChart.yearTicks((0..<240).map { "\(2026 + $0 / 12)-\($0 % 12 + 1 < 10 ? "0" : "")\($0 % 12 + 1)" })?.count == 10)
    }

    @Test func aBarChartShowsItsTitle() {
        let svg = SVGChart.bars([(label: "FR", value: 3), (label: "PL", value: 1)], title: "Late units by nation", colour: "#000")
        #expect(svg.contains(#"font-weight="bold">Late units by nation</text>"#))
    }
}
