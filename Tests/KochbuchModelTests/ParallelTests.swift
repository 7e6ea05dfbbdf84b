import Foundation
import KochbuchModel
import Synchronization
import Testing

@Suite struct ParallelTests {
    @Test func resultsComeInInputOrder() {
        let inputs = Array(0..<10_000)
        #expect(Parallel.map(inputs) { $0 * 3 } == inputs.map { $0 * 3 })
        #expect(Parallel.map(inputs, chunk: 64) { String($0) } == inputs.map { String($0) })
        #expect(Parallel.map([7]) { $0 + 1 } == [8])
        #expect(Parallel.map([Int]()) { $0 } == [])
    }

    /// A map inside a map (the editions, and each edition's pages) finishes, in order, and its work
    /// is not confined to one thread: with `concurrentPerform` it was, and the website of a full
    /// build was made on one core.
    @Test func aMapInsideAMapUsesMoreThanOneThread() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores")
        let threads = Mutex<Set<UInt>>([])
        let outer = Parallel.map(Array(0..<2)) { part -> [Int] in
            Parallel.map(Array(0..<64)) { item -> Int in
                if part == 0 {
                    let thread = UInt(pthread_self())
                    threads.withLock { _ = $0.insert(thread) }
                    // Long enough that a helper thread comes to take a share.
                    Thread.sleep(forTimeInterval: 0.005)
                }
                return part * 100 + item
            }
        }
        #expect(outer == [Array(0..<64), Array(100..<164)])
        #expect(threads.withLock { $0.count } > 1, "the inner map of part 0 ran on one thread")
    }

    /// Maps nested three deep on every input never wait on themselves.
    @Test func deeplyNestedMapsFinish() {
        func inner(_ a: Int, _ b: Int) -> Int {
            Parallel.map(Array(0..<8)) { (c: Int) -> Int in a + b + c }.reduce(0, +)
        }
        func middle(_ a: Int) -> Int {
            Parallel.map(Array(0..<8)) { (b: Int) -> Int in inner(a, b) }.reduce(0, +)
        }
        let sums: [Int] = Parallel.map(Array(0..<8)) { (a: Int) -> Int in middle(a) }
        // Per a: 64 pairs (b, c) of 0..<8, each summing a + b + c: 64a + 2 × 8 × 28.
        #expect(sums == (0..<8).map { 64 * $0 + 448 })
    }
}
