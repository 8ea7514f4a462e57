/// Geometry of the line chart: plot area, x positions per month, y scale with round ticks.
struct LineFrame {
    let left = 96.0
    let right = 16.0
    let top = 52.0
    let bottom = 44.0
    let width: Double
    let height: Double
    let count: Int
    let axisMax: Double
    let tickStep: Double

    init(width: Int, height: Int, count: Int, maxValue: Double) {
        self.width = Double(width)
        self.height = Double(height)
        self.count = count
        let step = LineFrame.niceStep(max(maxValue, 0) / 4)
        self.tickStep = step
        self.axisMax = max(step, (max(maxValue, 0) / step).rounded(.up) * step)
    }

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var baseline: Double { top + plotHeight }

    func x(_ index: Int) -> Double {
        count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(count - 1)
    }

    func y(_ value: Double) -> Double {
        baseline - plotHeight * min(value, axisMax) / axisMax
    }

    var ticks: [Double] {
        let steps = Int((axisMax / tickStep).rounded())
        return (0...max(steps, 1)).map { Double($0) * tickStep }
    }

    /// 1, 2 or 5 times a power of ten, at least 1.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 1 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}

extension SVGChart {
    static func drawYAxis(_ svg: inout SVGWriter, _ frame: LineFrame, unit: String = "units, cumulative") {
        for tick in frame.ticks {
            let y = SVGWriter.n(frame.y(tick))
            svg.empty(
                "line",
                [
                    ("x1", SVGWriter.n(frame.left)), ("x2", SVGWriter.n(frame.width - frame.right)),
                    ("y1", y), ("y2", y), ("stroke", gridColour), ("stroke-width", "1"),
                ])
            svg.text(
                "text",
                [
                    ("x", SVGWriter.n(frame.left - 8)), ("y", SVGWriter.n(frame.y(tick) + 4)),
                    ("text-anchor", "end"), ("fill", demandColour),
                ], Format.units(tick))
        }
        svg.empty(
            "line",
            [
                ("x1", SVGWriter.n(frame.left)), ("x2", SVGWriter.n(frame.left)),
                ("y1", SVGWriter.n(frame.top)), ("y2", SVGWriter.n(frame.baseline)),
                ("stroke", inkColour), ("stroke-width", "1"),
            ])
        svg.text(
            "text", [("x", "4"), ("y", SVGWriter.n(frame.top - 12)), ("fill", inkColour)], unit)
    }

    static func drawXAxis(_ svg: inout SVGWriter, _ frame: LineFrame, labels: [String]) {
        svg.empty(
            "line",
            [
                ("x1", SVGWriter.n(frame.left)), ("x2", SVGWriter.n(frame.width - frame.right)),
                ("y1", SVGWriter.n(frame.baseline)), ("y2", SVGWriter.n(frame.baseline)),
                ("stroke", inkColour), ("stroke-width", "1"),
            ])
        svg.text(
            "text",
            [
                ("x", SVGWriter.n(frame.left + frame.plotWidth / 2)), ("y", SVGWriter.n(frame.baseline + 38)),
                ("text-anchor", "middle"), ("fill", inkColour),
            ], yearTicks(labels) == nil ? "month" : "calendar year (ticks at January)")
        if let years = yearTicks(labels) {
            for (index, year) in years {
                svg.empty(
                    "line",
                    [
                        ("x1", SVGWriter.n(frame.x(index))), ("x2", SVGWriter.n(frame.x(index))),
                        ("y1", SVGWriter.n(frame.baseline)), ("y2", SVGWriter.n(frame.baseline + 5)),
                        ("stroke", inkColour), ("stroke-width", "1"),
                    ])
                svg.text(
                    "text",
                    [
                        ("x", SVGWriter.n(frame.x(index))), ("y", SVGWriter.n(frame.baseline + 18)),
                        ("text-anchor", "middle"), ("fill", demandColour),
                    ], year)
            }
            return
        }
        for index in labelIndices(count: labels.count, frame: frame) {
            let anchor = labels.count == 1 ? "middle" : index == 0 ? "start" : index == labels.count - 1 ? "end" : "middle"
            svg.text(
                "text",
                [
                    ("x", SVGWriter.n(frame.x(index))), ("y", SVGWriter.n(frame.baseline + 18)),
                    ("text-anchor", anchor), ("fill", demandColour),
                ], labels[index])
        }
    }

    /// The Januaries among "YYYY-MM" labels, as (index, year), every year or every second one so that at most
    /// twelve show; nil when the labels are not calendar months or hold fewer than two Januaries.
    static func yearTicks(_ labels: [String]) -> [(Int, String)]? {
        let januaries = labels.enumerated().compactMap { index, label -> (Int, String)? in
            let parts = label.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1] == "01" else { return nil }
            return (index, String(parts[0]))
        }
        guard januaries.count >= 2 else { return nil }
        let every = max(1, (januaries.count + 11) / 12)
        return januaries.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    /// The gap between cumulative demand and deliveries, shaded where deliveries fall behind.
    static func drawShortfall(_ svg: inout SVGWriter, _ frame: LineFrame, demanded: [Double], delivered: [Double]) {
        guard demanded.count == delivered.count, zip(demanded, delivered).contains(where: { $0 > $1 }) else { return }
        let upper = demanded.indices.map { SVGWriter.n(frame.x($0)) + "," + SVGWriter.n(frame.y(max(demanded[$0], delivered[$0]))) }
        let lower = delivered.indices.reversed().map { SVGWriter.n(frame.x($0)) + "," + SVGWriter.n(frame.y(delivered[$0])) }
        svg.empty("polygon", [("points", (upper + lower).joined(separator: " ")), ("fill", shortfallColour), ("fill-opacity", "0.12")])
    }

    /// About six evenly spaced months, plus the last one when there is room for it.
    static func labelIndices(count: Int, frame: LineFrame) -> [Int] {
        guard count > 0 else { return [] }
        let step = max(1, (count + 5) / 6)
        var indices = Array(stride(from: 0, to: count, by: step))
        if let last = indices.last, last != count - 1, frame.x(count - 1) - frame.x(last) > 70 {
            indices.append(count - 1)
        }
        return indices
    }

    static func drawLine(_ svg: inout SVGWriter, _ frame: LineFrame, values: [Double], colour: String, dashed: Bool) {
        let points = values.enumerated()
            .map { SVGWriter.n(frame.x($0.offset)) + "," + SVGWriter.n(frame.y($0.element)) }
            .joined(separator: " ")
        var attributes = [("points", points), ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5")]
        if dashed { attributes.append(("stroke-dasharray", "6 4")) }
        svg.empty("polyline", attributes)
        if let last = values.indices.last {
            svg.empty(
                "circle",
                [
                    ("cx", SVGWriter.n(frame.x(last))), ("cy", SVGWriter.n(frame.y(values[last]))),
                    ("r", "3.5"), ("fill", colour),
                ])
        }
    }

    static func drawLegend(
        _ svg: inout SVGWriter, _ frame: LineFrame,
        entries: [(String, String, Bool)] = [
            ("Cumulative demand due", demandColour, true),
            ("Cumulative projected deliveries", deliveryColour, false),
        ],
        gapLabel: String = "Behind demand"
    ) {
        var x = frame.left
        defer {
            svg.empty(
                "rect",
                [
                    ("x", SVGWriter.n(x)), ("y", "10"), ("width", "24"), ("height", "12"), ("fill", shortfallColour),
                    ("fill-opacity", "0.12"),
                ])
            svg.text("text", [("x", SVGWriter.n(x + 30)), ("y", "20"), ("fill", inkColour)], gapLabel)
        }
        for (label, colour, dashed) in entries {
            var line = [
                ("x1", SVGWriter.n(x)), ("x2", SVGWriter.n(x + 24)), ("y1", "16"), ("y2", "16"),
                ("stroke", colour), ("stroke-width", "2.5"),
            ]
            if dashed { line.append(("stroke-dasharray", "6 4")) }
            svg.empty("line", line)
            svg.text("text", [("x", SVGWriter.n(x + 30)), ("y", "20"), ("fill", inkColour)], label)
            x += 30 + Double(label.count) * 6.6 + 24
        }
    }
}
