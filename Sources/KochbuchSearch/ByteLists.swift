import Foundation

/// Many byte lists that grow at their ends, kept in one store of fixed-size blocks, each list a
/// chain of blocks. For hundreds of thousands of mostly short lists (the search index's word
/// pairs) this takes far less memory than an array per list: no array header and allocation per
/// list, no doubling slack, and the store grows a megabyte at a time without copying.
struct ByteLists {
    /// Bytes per block; the last four hold the number of the next block.
    let blockSize: Int
    private var payload: Int { blockSize - 4 }
    private let blocksPerChunk: Int
    private var chunks: [[UInt8]] = []
    private var blockCount = 0
    private var heads: [Int32] = []
    private var tails: [Int32] = []
    private var lengths: [Int32] = []

    init(blockSize: Int = 32) {
        precondition(blockSize > 4)
        self.blockSize = blockSize
        blocksPerChunk = max(1, (1 << 20) / blockSize)
    }

    /// How many lists there are.
    var count: Int { heads.count }

    /// Adds an empty list; returns its number.
    mutating func makeList() -> Int {
        heads.append(-1)
        tails.append(-1)
        lengths.append(0)
        return heads.count - 1
    }

    /// The number of bytes in list `list`.
    func length(of list: Int) -> Int { Int(lengths[list]) }

    /// Appends `bytes` to the end of list `list`.
    mutating func append(_ bytes: [UInt8], to list: Int) {
        var offset = 0
        var used = Int(lengths[list]) % payload
        if tails[list] < 0 || (used == 0 && lengths[list] > 0) { used = payload }
        while offset < bytes.count {
            if used == payload {
                let block = newBlock()
                if tails[list] >= 0 { setNext(of: Int(tails[list]), to: block) } else { heads[list] = Int32(block) }
                tails[list] = Int32(block)
                used = 0
            }
            let count = min(payload - used, bytes.count - offset)
            let tail = Int(tails[list])
            let start = (tail % blocksPerChunk) * blockSize + used
            chunks[tail / blocksPerChunk].withUnsafeMutableBufferPointer { chunk in
                bytes.withUnsafeBufferPointer { source in
                    _ = memcpy(chunk.baseAddress! + start, source.baseAddress! + offset, count)
                }
            }
            offset += count
            used += count
        }
        lengths[list] += Int32(bytes.count)
    }

    /// The bytes of list `list`, in order.
    func bytes(of list: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Int(lengths[list]))
        var left = Int(lengths[list])
        var block = Int(heads[list])
        while left > 0 {
            let count = min(payload, left)
            let start = (block % blocksPerChunk) * blockSize
            let chunk = chunks[block / blocksPerChunk]
            result.append(contentsOf: chunk[start..<start + count])
            left -= count
            if left > 0 { block = next(of: block, in: chunk, at: start) }
        }
        return result
    }

    private mutating func newBlock() -> Int {
        if blockCount == chunks.count * blocksPerChunk { chunks.append([UInt8](repeating: 0, count: blocksPerChunk * blockSize)) }
        blockCount += 1
        return blockCount - 1
    }

    private mutating func setNext(of block: Int, to next: Int) {
        let start = (block % blocksPerChunk) * blockSize + payload
        let value = UInt32(next)
        chunks[block / blocksPerChunk].withUnsafeMutableBufferPointer { chunk in
            for byte in 0..<4 { chunk[start + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
        }
    }

    private func next(of block: Int, in chunk: [UInt8], at start: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(chunk[start + payload + $1]) << (8 * $1) }
    }
}
