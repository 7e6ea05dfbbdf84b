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
        var generator = SeededGenerator(state: UInt64(blockSize))
        for round in 0..<20_000 {
            if round % 50 == 0 || arrays.isEmpty {
                #expect(lists.makeList() == arrays.count)
                arrays.append([])
            }
            let list = Int(generator.next() % UInt64(arrays.count))
            // Lengths around the payload of a block (blockSize - 4) and some longer than a chunk's share.
            let length = [0, 1, blockSize - 5, blockSize - 4, blockSize - 3, 2 * (blockSize - 4), 300][Int(generator.next() % 7)]
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

/// A small deterministic generator (SplitMix64), so that a failure repeats.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
