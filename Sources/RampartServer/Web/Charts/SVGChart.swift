/// Server-rendered SVG charts. All text inside goes through `Escape`, which is why pages may embed
/// the result with `Node.raw` (see `Node.chart`).
enum SVGChart {
    static let demandColour = "#5b6675"
    static let deliveryColour = "#1f5fa8"
    static let shortfallColour = "#a4161a"
    static let gridColour = "#d7dce3"
    static let inkColour = "#1b2330"

    /// Two cumulative lines, demand due and projected deliveries, over months.
    static func deliveriesAgainstDemand(
        _ series: MonthlySeries,
        width: Int = 720,
        height: Int = 260,
        title: String = "Projected deliveries against demand"
    ) -> String {
        let width = max(width, 240)
        let height = max(height, 140)
        let count = series.monthLabels.count
        guard count > 0 else { return noData(title: title, width: width, height: height) }

        let demanded = (0..<count).map { clean(series.demanded, $0) }
        let delivered = (0..<count).map { clean(series.delivered, $0) }
        let frame = LineFrame(width: width, height: height, count: count, maxValue: (demanded + delivered).max() ?? 0)
        let summary =
            "\(title): by \(series.monthLabels[count - 1]), "
            + "\(Format.units(demanded[count - 1])) units due and "
            + "\(Format.units(delivered[count - 1])) projected delivered"

        var svg = SVGWriter()
        svg.open("svg", rootAttributes(width: width, height: height, label: summary))
        svg.text("title", [], summary)
        drawYAxis(&svg, frame)
        drawXAxis(&svg, frame, labels: series.monthLabels)
        drawShortfall(&svg, frame, demanded: demanded, delivered: delivered)
        // Demand last, dashed, so that it stays visible where deliveries keep up with it.
        drawLine(&svg, frame, values: delivered, colour: deliveryColour, dashed: false)
        drawLine(&svg, frame, values: demanded, colour: demandColour, dashed: true)
        drawLegend(&svg, frame)
        svg.close("svg")
        return svg.output
    }

    /// A line's or supply's monthly use against its capacity; the shaded gap is capacity left unused.
    static func loadAgainstCapacity(
        months: [String], used: [Double], capacity: [Double], width: Int = 720, height: Int = 260, title: String
    ) -> String {
        let width = max(width, 240)
        let height = max(height, 140)
        let count = months.count
        guard count > 0 else { return noData(title: title, width: width, height: height) }
        let used = (0..<count).map { clean(used, $0) }
        let capacity = (0..<count).map { clean(capacity, $0) }
        let frame = LineFrame(width: width, height: height, count: count, maxValue: (used + capacity).max() ?? 0)
        let full = (0..<count).filter { capacity[$0] > 0 && used[$0] >= capacity[$0] * (1 - 1e-6) }.count
        let summary =
            "\(title): \(Format.units(used.reduce(0, +))) units used of \(Format.units(capacity.reduce(0, +))) over "
            + "\(months[0]) to \(months[count - 1]); full in \(full) of \(count) months"
        var svg = SVGWriter()
        svg.open("svg", rootAttributes(width: width, height: height, label: summary))
        svg.text("title", [], summary)
        drawYAxis(&svg, frame, unit: "units a month")
        drawXAxis(&svg, frame, labels: months)
        drawShortfall(&svg, frame, demanded: capacity, delivered: used)
        drawLine(&svg, frame, values: used, colour: deliveryColour, dashed: false)
        drawLine(&svg, frame, values: capacity, colour: demandColour, dashed: true)
        drawLegend(
            &svg, frame, entries: [("Capacity", demandColour, true), ("Used by the plan", deliveryColour, false)],
            gapLabel: "Unused capacity")
        svg.close("svg")
        return svg.output
    }

    /// A horizontal bar chart, one bar per row, values printed beside the bars.
    static func bars(
        _ rows: [(label: String, value: Double)],
        title: String = "Values",
        colour: String,
        width: Int = 720,
        rowHeight: Int = 24
    ) -> String {
        let width = max(width, 320)
        let rowHeight = max(rowHeight, 14)
        guard !rows.isEmpty else { return noData(title: title, width: width, height: 120) }

        let labelWidth = 170
        let valueWidth = 90
        let top = 30
        let height = top * 2 + rows.count * rowHeight
        let barArea = Double(width - labelWidth - valueWidth - 16)
        let values = rows.map { $0.value.isFinite ? max($0.value, 0) : 0 }
        let maxValue = max(values.max() ?? 0, 0)
        let scale = maxValue > 0 ? barArea / maxValue : 0
        let summary =
            title + ": "
            + rows.enumerated().map { "\($1.label) \(Format.units(values[$0]))" }
            .joined(separator: ", ")

        var svg = SVGWriter()
        svg.open("svg", rootAttributes(width: width, height: height, label: summary))
        svg.text("title", [], title)
        svg.text("text", [("x", "0"), ("y", "16"), ("fill", inkColour), ("font-weight", "bold")], title)
        for (index, row) in rows.enumerated() {
            let y = Double(top + index * rowHeight)
            let barWidth = values[index] * scale
            svg.open("g", [])
            svg.text("title", [], "\(row.label): \(Format.units(values[index]))")
            svg.text(
                "text",
                [
                    ("x", SVGWriter.n(labelWidth - 8)), ("y", SVGWriter.n(y + Double(rowHeight) * 0.62)),
                    ("text-anchor", "end"), ("fill", inkColour),
                ], truncated(row.label, to: 22))
            svg.empty(
                "rect",
                [
                    ("x", SVGWriter.n(labelWidth)), ("y", SVGWriter.n(y + 3)),
                    ("width", SVGWriter.n(barWidth)), ("height", SVGWriter.n(rowHeight - 6)), ("fill", colour),
                ])
            svg.text(
                "text",
                [
                    ("x", SVGWriter.n(Double(labelWidth) + barWidth + 6)), ("y", SVGWriter.n(y + Double(rowHeight) * 0.62)),
                    ("fill", inkColour),
                ], Format.units(values[index]))
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    static func noData(title: String, width: Int, height: Int) -> String {
        var svg = SVGWriter()
        svg.open("svg", rootAttributes(width: width, height: height, label: "\(title): no data yet"))
        svg.text("title", [], "\(title): no data yet")
        svg.empty(
            "rect",
            [
                ("x", "0.5"), ("y", "0.5"), ("width", SVGWriter.n(width - 1)), ("height", SVGWriter.n(height - 1)),
                ("fill", "#f4f6f9"), ("stroke", gridColour),
            ])
        svg.text(
            "text",
            [
                ("x", SVGWriter.n(Double(width) / 2)), ("y", SVGWriter.n(Double(height) / 2)),
                ("text-anchor", "middle"), ("fill", demandColour),
            ], "No data yet")
        svg.close("svg")
        return svg.output
    }

    static func rootAttributes(width: Int, height: Int, label: String) -> [(String, String)] {
        [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(width) \(height)"),
            ("width", String(width)),
            ("height", String(height)),
            ("role", "img"),
            ("aria-label", label),
            ("font-family", "system-ui, sans-serif"),
            ("font-size", "12"),
        ]
    }

    private static func clean(_ values: [Double], _ index: Int) -> Double {
        let value = index < values.count ? values[index] : (values.last ?? 0)
        return value.isFinite ? max(value, 0) : 0
    }

    private static func truncated(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
