/// Collects UTF-8 text and hands it to a sink in chunks that end at line boundaries.
/// Writes go straight into raw storage: this is the hot loop of a multi-million-column export.
final class LPTextWriter {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let chunkSize: Int
    private let sink: (String) -> Void

    init(chunkSize: Int = 1 << 16, sink: @escaping (String) -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        capacity = chunkSize + 4096
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (count + n))
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = 2 * (count + n)
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { (storage + count).update(from: base, count: bytes.count) }
        count += bytes.count
    }

    func write(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func write(_ value: Int) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var position = count + digits - 1
        repeat {
            storage[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// Writes `value` so that it reads back as the same Double: integers without a fraction,
    /// everything else as Swift's shortest round-trip form (which may use an exponent, e.g. 1e-05).
    func write(number value: Double) {
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

    func newline() {
        reserve(1)
        storage[count] = UInt8(ascii: "\n")
        count += 1
        if count >= chunkSize { flush() }
    }

    func flush() {
        guard count > 0 else { return }
        sink(String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self))
        count = 0
    }

    func write(_ name: LPName) {
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
