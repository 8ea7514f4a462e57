import Testing

@testable import RampartCore

@Suite struct ModelTests {
    @Test func capacityStepSchedule() {
        let steps = [CapacityStep(from: 2, perMonth: 10), CapacityStep(from: 5, perMonth: 30)]
        #expect(CapacityStep.capacity(steps, month: 0) == 0)
        #expect(CapacityStep.capacity(steps, month: 2) == 10)
        #expect(CapacityStep.capacity(steps, month: 4) == 10)
        #expect(CapacityStep.capacity(steps, month: 5) == 30)
        #expect(CapacityStep.capacity(steps, month: 119) == 30)
    }

    @Test func priorityWeights() {
        #expect((1...5).map { Demand.weight(priority: $0) } == [16, 8, 4, 2, 1])
    }
}
