import Testing

@testable import RampartCore

/// The pools of interchangeable items the late-unit swaps work within: every item a demand may take is in one pool.
@Suite struct SwapPoolsTests {
    @Test func threeItemsOfOneClassShareOnePool() {
        // Linking 2 to 1 and then 2 to 0 once lost the link of 1.
        #expect(DeliveryReassignment.pools(itemLists: [[2, 1, 0]], items: 3) == [0, 0, 0])
    }

    @Test func poolsJoinAcrossDemandsAndLeaveOthersAlone() {
        let pools = DeliveryReassignment.pools(itemLists: [[4, 3], [1], [3, 5], [6, 1, 2]], items: 8)
        #expect(pools == [0, 1, 1, 3, 3, 3, 1, 7])
    }
}
