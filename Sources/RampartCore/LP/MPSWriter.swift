/// Free-format MPS, column by column (names are longer than fixed MPS's 8 characters and hold no spaces).
struct MPSWriter {
    let model: LPModel
    let out: LPTextWriter

    func write(title: String) {
        out.write("NAME "); out.write(title); out.newline()
        out.write("ROWS"); out.newline()
        out.write(" N  obj"); out.newline()
        for item in model.items {
            for t in 0..<model.horizon { row(.balance(item: item, month: t)) }
        }
        for group in model.groups { row(.demand(group: group.name)) }

        out.write("COLUMNS"); out.newline()
        writeSourceColumns()
        writeGroupColumns()
        writeStockColumns()

        out.write("RHS"); out.newline()
        for item in model.items where model.horizon > 0 && model.initialStock[item] != 0 {
            rhs(.balance(item: item, month: 0), model.initialStock[item])
        }
        for group in model.groups { rhs(.demand(group: group.name), group.qty) }

        out.write("BOUNDS"); out.newline()
        for isSupply in [false, true] {
            for source in model.sources(supplies: isSupply) {
                model.forEachMonth(of: source) { t in
                    out.write(" UP BND  "); out.write(LPName.source(source, isSupply: isSupply, month: t))
                    out.write("  "); out.write(number: source.capacity[t]); out.newline()
                }
            }
        }
        out.write("ENDATA"); out.newline()
        out.flush()
    }

    private func row(_ name: LPName) {
        out.write(" E  "); out.write(name); out.newline()
    }

    private func entry(_ column: LPName, _ row: LPName, _ value: Double) {
        out.write("    "); out.write(column); out.write("  "); out.write(row)
        out.write("  "); out.write(number: value); out.newline()
    }

    private func rhs(_ row: LPName, _ value: Double) {
        out.write("    RHS  "); out.write(row); out.write("  "); out.write(number: value); out.newline()
    }

    private func writeSourceColumns() {
        for isSupply in [false, true] {
            for source in model.sources(supplies: isSupply) {
                model.forEachMonth(of: source) { t in
                    let column = LPName.source(source, isSupply: isSupply, month: t)
                    for effect in source.effects {
                        entry(column, .balance(item: effect.item, month: t + effect.offset), effect.coef)
                    }
                }
            }
        }
    }

    private func writeGroupColumns() {
        for group in model.groups {
            let demandRow = LPName.demand(group: group.name)
            for item in group.items {
                for t in group.first..<max(group.first, model.horizon) {
                    let column = LPName.delivery(group: group.name, item: item, month: t)
                    let cost = group.cost(month: t)
                    if cost != 0 { entry(column, .objective, cost) }
                    entry(column, demandRow, 1)
                    entry(column, .balance(item: item, month: t), 1)
                }
            }
            let unserved = LPName.unserved(group: group.name)
            let cost = model.unservedCost(group)
            if cost != 0 { entry(unserved, .objective, cost) }
            entry(unserved, demandRow, 1)
        }
    }

    private func writeStockColumns() {
        for item in model.items {
            for t in 0..<model.horizon {
                let column = LPName.stock(item: item, month: t)
                entry(column, .balance(item: item, month: t), 1)
                if t + 1 < model.horizon { entry(column, .balance(item: item, month: t + 1), -1) }
            }
        }
    }
}
