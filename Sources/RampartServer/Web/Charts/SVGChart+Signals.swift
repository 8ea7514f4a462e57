/// The demand signal chart: one column per year, its firm part solid and its foreseeable part hatched, so the two
/// read apart without colour; a year whose figure is hidden is an outlined column marked as such.
extension SVGChart {
    struct SignalYear: Sendable {
        var year: Int
        /// Nil where hidden.
        var total: Double?
        /// Nil where the split is hidden (or the total is).
        var firm: Double?
        var hiddenBecause: String?
    }

    static func signalYears(_ years: [SignalYear], title: String, width: Int = 720, height: Int = 300) -> String {
        guard !years.isEmpty else { return noData(title: title, width: width, height: 120) }
        let frame = LineFrame(width: width, height: height, count: years.count, maxValue: years.compactMap(\.total).max() ?? 0)
        let slot = frame.plotWidth / Double(years.count)
        let barWidth = min(56, slot * 0.6)
        let summary =
            title + ": "
            + years.map { y in
                guard let total = y.total else { return "\(y.year) hidden (\(y.hiddenBecause ?? "suppressed"))" }
                guard let firm = y.firm else { return "\(y.year) \(Format.units(total)) (split hidden)" }
                return "\(y.year) \(Format.units(total)), firm \(Format.units(firm))"
            }.joined(separator: ", ")

        var svg = SVGWriter()
        svg.open("svg", rootAttributes(width: width, height: height, label: summary))
        svg.text("title", [], title)
        svg.open("defs")
        svg.open(
            "pattern",
            [
                ("id", "foreseeable-hatch"), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"),
                ("patternTransform", "rotate(45)"),
            ])
        svg.empty("rect", [("width", "6"), ("height", "6"), ("fill", "#ffffff")])
        svg.empty("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", deliveryColour), ("stroke-width", "3")])
        svg.close("pattern")
        svg.close("defs")
        svg.text("text", [("x", "0"), ("y", "16"), ("fill", inkColour), ("font-weight", "bold")], title)
        legend(&svg)
        for tick in frame.ticks {
            let y = SVGWriter.n(frame.y(tick))
            svg.empty(
                "line",
                [
                    ("x1", SVGWriter.n(frame.left)), ("x2", SVGWriter.n(frame.width - frame.right)), ("y1", y), ("y2", y),
                    ("stroke", gridColour),
                ])
            svg.text(
                "text", [("x", SVGWriter.n(frame.left - 6)), ("y", y), ("text-anchor", "end"), ("fill", inkColour)], Format.units(tick))
        }
        for (index, year) in years.enumerated() {
            let x = frame.left + slot * (Double(index) + 0.5) - barWidth / 2
            let labelX = SVGWriter.n(x + barWidth / 2)
            svg.open("g")
            svg.text("title", [], summaryLine(year))
            if let total = year.total {
                let firm = year.firm ?? 0
                if year.firm != nil {
                    column(&svg, x: x, width: barWidth, from: frame.y(0), to: frame.y(firm), fill: deliveryColour)
                    column(&svg, x: x, width: barWidth, from: frame.y(firm), to: frame.y(total), fill: "url(#foreseeable-hatch)")
                } else {
                    column(&svg, x: x, width: barWidth, from: frame.y(0), to: frame.y(total), fill: demandColour)
                }
                svg.text(
                    "text", [("x", labelX), ("y", SVGWriter.n(frame.y(total) - 4)), ("text-anchor", "middle"), ("fill", inkColour)],
                    Format.units(total))
            } else {
                svg.empty(
                    "rect",
                    [
                        ("x", SVGWriter.n(x)), ("y", SVGWriter.n(frame.top)), ("width", SVGWriter.n(barWidth)),
                        ("height", SVGWriter.n(frame.plotHeight)), ("fill", "none"), ("stroke", shortfallColour),
                        ("stroke-dasharray", "4 3"),
                    ])
                svg.text(
                    "text",
                    [("x", labelX), ("y", SVGWriter.n(frame.top + frame.plotHeight / 2)), ("text-anchor", "middle"), ("fill", inkColour)],
                    "hidden")
            }
            svg.text(
                "text", [("x", labelX), ("y", SVGWriter.n(frame.baseline + 18)), ("text-anchor", "middle"), ("fill", inkColour)],
                String(year.year))
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    private static func summaryLine(_ y: SignalYear) -> String {
        guard let total = y.total else { return "\(y.year): hidden, \(y.hiddenBecause ?? "suppressed")" }
        guard let firm = y.firm else { return "\(y.year): \(Format.units(total)); firm and foreseeable parts hidden" }
        return "\(y.year): \(Format.units(total)); firm \(Format.units(firm)), foreseeable \(Format.units(total - firm))"
    }

    private static func column(_ svg: inout SVGWriter, x: Double, width: Double, from bottom: Double, to top: Double, fill: String) {
        guard bottom > top else { return }
        svg.empty(
            "rect",
            [
                ("x", SVGWriter.n(x)), ("y", SVGWriter.n(top)), ("width", SVGWriter.n(width)), ("height", SVGWriter.n(bottom - top)),
                ("fill", fill), ("stroke", deliveryColour),
            ])
    }

    private static func legend(_ svg: inout SVGWriter) {
        let items: [(String, String)] = [
            (deliveryColour, "firm (under contract)"), ("url(#foreseeable-hatch)", "foreseeable"), (demandColour, "total, split hidden"),
        ]
        var x = 0.0
        for (fill, label) in items {
            svg.empty(
                "rect", [("x", SVGWriter.n(x)), ("y", "26"), ("width", "14"), ("height", "12"), ("fill", fill), ("stroke", deliveryColour)])
            svg.text("text", [("x", SVGWriter.n(x + 20)), ("y", "36"), ("fill", inkColour)], label)
            x += 40 + Double(label.count) * 7
        }
    }
}
