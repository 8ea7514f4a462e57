import Foundation
import Testing

@testable import RampartServer

@Suite struct TimestampsTests {
    @Test func showsUtcDateAndTimeToTheSecond() {
        // MUT
        let texts = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_960_509.9), Date(timeIntervalSince1970: 951_782_400),
        ]
        .map(Timestamps.text)

        // validate
        #expect(texts == ["1970-01-01 00:00:00 UTC", "2026-11-29 13:55:09 UTC", "2000-02-29 00:00:00 UTC"])
    }
}
