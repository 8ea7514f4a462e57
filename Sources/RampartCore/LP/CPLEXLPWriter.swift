/// CPLEX LP format, row by row. Rows wrap after a few terms to keep lines well under 500 characters.
struct CPLEXLPWriter {
    let model: LPModel
    let out: LPTextWriter
    private var terms = 0
    private static let termsPerLine = 8

    init(model: LPModel, out: LPTextWriter) {
        self.model = model
        self.out = out
    }

    mutating func write(title: String) {
        out.write("\\ Rampart linear programme: "); out.write(title); out.newline()
        out.write("Minimize"); out.newline()
        writeObjective()
        out.write("Subject To"); out.newline()
        for item in model.items {
            for t in 0..<model.horizon { writeBalance(item: item, month: t) }
        }
        for group in model.groups { writeDemand(group) }
        out.write("Bounds"); out.newline()
        writeBounds()
        out.write("End"); out.newline()
        out.flush()
    }

    private mutating func begin(_ row: LPName) {
        out.write(" "); out.write(row); out.write(":")
        terms = 0
    }

    private mutating func term(_ coef: Double, _ name: LPName) {
        if terms > 0, terms % Self.termsPerLine == 0 {
            out.newline()
            out.write("   ")
        }
        if coef < 0 {
            out.write(" -")
        } else if terms > 0 {
            out.write(" +")
        }
        if coef.magnitude != 1 {
            out.write(" "); out.write(number: coef.magnitude)
        }
        out.write(" "); out.write(name)
        terms += 1
    }

    private mutating func end(rhs: Double) {
        out.write(" = "); out.write(number: rhs); out.newline()
    }

    private mutating func writeObjective() {
        begin(.objective)
        let horizon = model.horizon
        for group in model.groups {
            for item in group.items {
                for t in group.first..<max(group.first, horizon) {
                    let cost = group.cost(month: t)
                    if cost != 0 { term(cost, .delivery(group: group.name, item: item, month: t)) }
                }
            }
            let cost = model.unservedCost(group)
            if cost != 0 { term(cost, .unserved(group: group.name)) }
        }
        out.newline()
    }

    private mutating func writeBalance(item i: Int, month t: Int) {
        begin(.balance(item: i, month: t))
        term(1, .stock(item: i, month: t))
        if t > 0 { term(-1, .stock(item: i, month: t - 1)) }
        for touch in model.touches[i] {
            let m = t - touch.offset
            let source = touch.isSupply ? model.supplies[touch.source] : model.lines[touch.source]
            guard m >= 0, m < model.horizon, source.capacity[m] > 0 else { continue }
            term(touch.coef, .source(source, isSupply: touch.isSupply, month: m))
        }
        for g in model.groupsByItem[i] {
            let group = model.groups[g]
            if group.first > t { break }
            term(1, .delivery(group: group.name, item: i, month: t))
        }
        end(rhs: t == 0 ? model.initialStock[i] : 0)
    }

    private mutating func writeDemand(_ group: LPModel.Group) {
        begin(.demand(group: group.name))
        for item in group.items {
            for t in group.first..<max(group.first, model.horizon) {
                term(1, .delivery(group: group.name, item: item, month: t))
            }
        }
        term(1, .unserved(group: group.name))
        end(rhs: group.qty)
    }

    private mutating func writeBounds() {
        for isSupply in [false, true] {
            for source in model.sources(supplies: isSupply) {
                model.forEachMonth(of: source) { t in
                    out.write(" "); out.write(LPName.source(source, isSupply: isSupply, month: t))
                    out.write(" <= "); out.write(number: source.capacity[t]); out.newline()
                }
            }
        }
    }
}
