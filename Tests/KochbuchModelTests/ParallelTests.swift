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

    /// A map inside a map (the editions, and each edition's pages) finishes, in order, and another
    /// thread takes part of its work: with `concurrentPerform` none did, and the website of a full
    /// build was made on one core. The inner map's caller waits on its first input until a helper has
    /// taken one (up to 60 s: the global queue's threads may be busy with other tests for a while).
    @Test func aMapInsideAMapIsHelpedByAnotherThread() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores")
        let helped = DispatchSemaphore(value: 0)
        let sawHelper = Mutex(false)
        let outer = Parallel.map(Array(0..<2)) { part -> [Int] in
            let caller = UInt(pthread_self())
            let waited = Mutex(false)
            return Parallel.map(Array(0..<64)) { item -> Int in
                if part == 0 {
                    if UInt(pthread_self()) != caller {
                        if sawHelper.withLock({ seen in defer { seen = true }; return !seen }) { helped.signal() }
                    } else if waited.withLock({ done in defer { done = true }; return !done }) {
                        _ = helped.wait(timeout: .now() + 60)
                    }
                }
                return part * 100 + item
            }
        }
        #expect(outer == [Array(0..<64), Array(100..<164)])
        #expect(sawHelper.withLock { $0 }, "no other thread took part of the inner map")
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
