import NIOPosix
@testable import RampartServer
import Testing

@Suite struct BackgroundPriorityTests {
    @Test func thePlannersThreadAloneRunsAtALowerPriority() async throws {
        #if os(Linux)
        // setup
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let before = BackgroundPriority.currentThreadNiceness()

        // MUT
        let lowered = try await pool.runIfActive {
            BackgroundPriority.lowerCurrentThread()
            return BackgroundPriority.currentThreadNiceness()
        }
        try await pool.shutdownGracefully()

        // validate: that thread is nicer by the set amount (or as nice as a niced test run allows); this one is as it was
        let start = try #require(before)
        #expect(lowered == min(19, max(start, BackgroundPriority.niceness)))
        #expect(BackgroundPriority.currentThreadNiceness() == before)
        #endif
    }
}
