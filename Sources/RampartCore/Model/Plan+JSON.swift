extension Plan {
    /// The plan file as JSON bytes (planning-model.md's fields first, then the report), followed by a newline.
    /// Reads back with `JSONDecoder` to an equal `Plan`; the same plan always gives the same bytes.
    public func jsonBytes() -> [UInt8] {
        let parts = jsonParts()
        var bytes = parts[0]
        bytes.append(contentsOf: parts[1])
        return bytes
    }

    /// The plan file in two parts whose concatenation is `jsonBytes()`: the contract's fields, then the report
    /// (written on two threads when `parallel`; the bytes are the same either way). Writing the parts one after
    /// the other spares copying a file of hundreds of megabytes into one buffer.
    public func jsonParts(parallel: Bool = true) -> [[UInt8]] {
        let plan = self
        return Planner.map([false, true], parallel: parallel) { isReport in isReport ? plan.reportPart() : plan.contractPart() }
    }

    /// `{` through the deliveries, without the closing brace.
    private func contractPart() -> [UInt8] {
        // Room for all of it at once: growing a buffer of hundreds of megabytes copies it.
        var w = JSONWriter(capacity: 48 * (production.count + purchases.count) + 72 * deliveries.count + (1 << 12))
        w.beginObject()
        w.field("version", version)
        w.field("scenario", scenario)
        w.key("objective")
        w.beginObject()
        w.field("weightedLateness", objective.weightedLateness)
        w.field("onTimeUnits", objective.onTimeUnits)
        w.field("lateUnits", objective.lateUnits)
        w.field("unservedUnits", objective.unservedUnits)
        w.endObject()
        if let objectiveAimedAt { w.field("objectiveAimedAt", objectiveAimedAt.rawValue) }
        w.key("production")
        w.beginArray()
        for p in production { w.beginObject(); w.field("line", p.line); w.field("month", p.month); w.field("qty", p.qty); w.endObject() }
        w.endArray()
        w.key("purchases")
        w.beginArray()
        for p in purchases { w.beginObject(); w.field("supply", p.supply); w.field("month", p.month); w.field("qty", p.qty); w.endObject() }
        w.endArray()
        w.key("deliveries")
        w.beginArray()
        for d in deliveries {
            w.beginObject(); w.field("demand", d.demand); w.field("item", d.item); w.field("month", d.month); w.field("qty", d.qty)
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }

    /// `,"report":{…}` when there is a report, then the closing brace and the newline.
    private func reportPart() -> [UInt8] {
        let size =
            report.map { 240 * $0.lateDemands.count + 1_100 * $0.explanations.count + 200 * ($0.nations.count + $0.items.count) } ?? 0
        var w = JSONWriter(capacity: size + (1 << 12), afterValue: true)
        if let report { w.key("report"); report.write(to: &w) }
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}

extension PlanReport {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("planner")
        w.beginObject()
        w.field("strategy", planner.strategy)
        w.key("strategiesTried")
        w.beginArray()
        for s in planner.strategiesTried {
            w.beginObject(); w.field("strategy", s.strategy); w.field("weightedLateness", s.weightedLateness); w.endObject()
        }
        w.endArray()
        w.endObject()
        w.key("nations")
        Self.write(nations, to: &w)
        w.key("items")
        Self.write(items, to: &w)
        w.key("lateDemands")
        w.beginArray()
        for d in lateDemands {
            w.beginObject()
            w.field("demand", d.demand); w.field("nation", d.nation); w.field("target", d.target); w.field("priority", d.priority)
            w.field("qty", d.qty); w.field("dueMonth", d.dueMonth); w.field("lateUnits", d.lateUnits)
            w.field("unservedUnits", d.unservedUnits); w.field("completionMonth", d.completionMonth)
            w.field("weightedLateness", d.weightedLateness); w.field("explanation", d.explanation)
            w.endObject()
        }
        w.endArray()
        w.key("explanations")
        w.beginArray()
        for e in explanations {
            w.beginObject()
            w.key("causes")
            w.beginArray()
            for c in e.causes {
                w.beginObject()
                w.field("kind", c.kind.rawValue); w.field("source", c.source)
                if c.sourceIsLine != Constraint.impliedSourceIsLine(c.kind) || c.kind == .leadTime {
                    w.key("sourceIsLine"); w.bool(c.sourceIsLine)
                }
                w.field("item", c.item); w.key("months"); Self.write(c.months, to: &w)
                // Only `leadTime` constraints have one: the key is left out elsewhere (reads back as nil).
                if let months = c.leadTimeMonths { w.field("leadTimeMonths", months) }
                w.field("level", c.level)
                w.endObject()
            }
            w.endArray()
            if e.moreCauses > 0 { w.field("moreCauses", e.moreCauses) }
            w.endObject()
        }
        w.endArray()
        w.key("bottlenecks")
        w.beginArray()
        for b in bottlenecks {
            w.beginObject()
            w.field("kind", b.kind.rawValue); w.field("source", b.source); w.field("item", b.item); w.field("owner", b.owner)
            w.field("country", b.country); w.key("saturatedMonths"); Self.write(b.saturatedMonths, to: &w)
            w.field("extraPerMonth", b.extraPerMonth); w.field("weightedLatenessSaved", b.weightedLatenessSaved)
            w.field("savedPerExtraUnit", b.savedPerExtraUnit)
            w.endObject()
        }
        w.endArray()
        if let againstStrict {
            w.key("againstStrict")
            w.beginArray()
            for level in againstStrict {
                w.beginObject()
                w.field("priority", level.priority); w.field("demandedUnits", level.demandedUnits)
                func outcome(_ name: StaticString, _ o: PriorityOutcome) {
                    w.key(name)
                    w.beginObject()
                    w.field("weightedLateness", o.weightedLateness); w.field("lateUnits", o.lateUnits)
                    w.field("unservedUnits", o.unservedUnits)
                    w.endObject()
                }
                outcome("weightedPlan", level.weightedPlan)
                outcome("strictPlan", level.strictPlan)
                w.field("weightedLatenessGivenUp", level.weightedLatenessGivenUp)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }

    private static func write(_ summaries: [OutcomeSummary], to w: inout JSONWriter) {
        w.beginArray()
        for s in summaries {
            w.beginObject()
            w.field("key", s.key); w.field("demandedUnits", s.demandedUnits); w.field("onTimeUnits", s.onTimeUnits)
            w.field("lateUnits", s.lateUnits); w.field("unservedUnits", s.unservedUnits); w.field("meanDelayMonths", s.meanDelayMonths)
            w.field("weightedLateness", s.weightedLateness)
            w.endObject()
        }
        w.endArray()
    }

    private static func write(_ ranges: [MonthRange], to w: inout JSONWriter) {
        w.beginArray()
        for r in ranges { w.beginObject(); w.field("from", r.from); w.field("to", r.to); w.endObject() }
        w.endArray()
    }
}
