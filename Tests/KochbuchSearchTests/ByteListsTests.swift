@testable import KochbuchSearch
import Testing

/// The search index's store of growing byte lists reads back every list exactly as an array per
/// list would hold it: lists appended to in turn, in pieces that end on and across block and
/// chunk boundaries.
@Suite struct ByteListsTests {
    @Test(arguments: [5, 16, 32])
    func everyListReadsBackAsAppended(blockSize: Int) {
        var lists = ByteLists(blockSize: blockSize)
        var arrays: [[UInt8]] = []
        for round in 0..<20_000 {
            if round % 50 == 0 || arrays.isEmpty {
                #expect(lists.makeList() == arrays.count)
                arrays.append([])
            }
            let list = (round &* 7_919 &+ blockSize) % arrays.count
            // Lengths around the payload of a block (blockSize - 4) and some longer than a chunk's share.
            let length = [0, 1, blockSize - 5, blockSize - 4, blockSize - 3, 2 * (blockSize - 4), 300][(round &* 31 &+ round / 7) % 7]
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &+ round &* 7) }
            lists.append(bytes, to: list)
            arrays[list] += bytes
        }
        #expect(lists.count == arrays.count)
        for (list, array) in arrays.enumerated() {
            #expect(lists.length(of: list) == array.count)
            #expect(lists.bytes(of: list) == array, "list \(list)")
        }
        #expect(arrays.contains { $0.count > 10_000 }, "some lists span many blocks")
        let blocks = arrays.reduce(0) { $0 + ($1.count + blockSize - 5) / (blockSize - 4) }
        #expect(blocks * blockSize > 1 << 20, "the store spans more than one chunk of a megabyte")
    }

    @Test func aNewListIsEmpty() {
        var lists = ByteLists()
        let list = lists.makeList()
        #expect(lists.bytes(of: list).isEmpty && lists.length(of: list) == 0)
    }
}
