/// Collects UTF-8 text and hands it to a sink in chunks that end at line boundaries.
struct LPTextWriter {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let sink: (String) -> Void

    init(chunkSize: Int = 1 << 16, sink: @escaping (String) -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 4096)
    }

    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    mutating func write(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }

    /// Writes `value` so that it reads back as the same Double: integers without a fraction,
    /// everything else as Swift's shortest round-trip form (which may use an exponent, e.g. 1e-05).
    mutating func write(number value: Double) {
        if let integer = LPTextWriter.exactInteger(value) {
            write(integer)
        } else {
            write(value.description)
        }
    }

    static func exactInteger(_ value: Double) -> Int? {
        guard value.magnitude < 0x1p53, value == value.rounded(.towardZero) else { return nil }
        return Int(value)
    }

    static func number(_ value: Double) -> String {
        exactInteger(value).map(String.init) ?? value.description
    }

    mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= chunkSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func write(_ name: LPName) {
        switch name {
        case .objective:
            write("obj")
        case let .production(line, month):
            write("p_"); write(line); write("_"); write(month)
        case let .purchase(supply, month):
            write("b_"); write(supply); write("_"); write(month)
        case let .delivery(group, item, month):
            write("x_"); write(group); write("_"); write(item); write("_"); write(month)
        case let .unserved(group):
            write("u_"); write(group)
        case let .stock(item, month):
            write("s_"); write(item); write("_"); write(month)
        case let .balance(item, month):
            write("bal_"); write(item); write("_"); write(month)
        case let .demand(group):
            write("dem_"); write(group)
        }
    }
}

/// Column and row names; the numbers are scenario array indices (a group is named by its first demand).
enum LPName: Equatable {
    case objective
    case production(line: Int, month: Int)
    case purchase(supply: Int, month: Int)
    case delivery(group: Int, item: Int, month: Int)
    case unserved(group: Int)
    case stock(item: Int, month: Int)
    case balance(item: Int, month: Int)
    case demand(group: Int)
}

extension LPName {
    static func source(_ source: LPModel.Source, isSupply: Bool, month: Int) -> LPName {
        isSupply ? .purchase(supply: source.index, month: month) : .production(line: source.index, month: month)
    }
}
