import Dispatch
import Foundation
import Synchronization

/// Work spread over all cores, results in input order.
///
/// The calling thread takes inputs itself, and helpers on the global queue take the others as they
/// come free. Unlike `DispatchQueue.concurrentPerform`, which runs a call made inside another one on
/// a single thread, a `map` inside a `map` (an edition's pages inside the editions made side by side)
/// keeps every core busy once the outer work thins out, and always finishes: its caller works too.
public enum Parallel {
    /// `inputs.map(transform)`, with the calls spread over all cores.
    public static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        var results = [Output?](repeating: nil, count: inputs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            withoutActuallyEscaping(transform) { transform in
                let work = Work(transform: transform, inputs: inputs, slots: buffer)
                let helpers = Helpers(work: work)
                for _ in 0..<min(inputs.count, ProcessInfo.processInfo.activeProcessorCount) - 1 {
                    DispatchQueue.global().async { helpers.help() }
                }
                work.drain()
                helpers.close()
                withExtendedLifetime(work) {}
            }
        }
        return results.map { $0! }
    }

    /// Like `map`, for many small inputs: each core takes a run of neighbouring inputs at a time.
    public static func map<Input, Output>(_ inputs: [Input], chunk: Int, _ transform: (Input) -> Output) -> [Output] {
        guard inputs.count > chunk else { return inputs.map(transform) }
        let starts = Array(stride(from: 0, to: inputs.count, by: chunk))
        return map(starts) { start in inputs[start..<min(start + chunk, inputs.count)].map(transform) }.flatMap { $0 }
    }

    /// The helpers of one `map`. They hold the work unretained (and with it `transform`, which must
    /// not outlive the call): a helper that starts before `close` works and is waited for; one that
    /// starts after it does nothing. So the caller never waits for a helper the pool has not yet
    /// started, and a `map` inside a `map` cannot wait on itself.
    private final class Helpers: @unchecked Sendable {
        private let work: Unmanaged<AnyObject>
        private let drain: (AnyObject) -> Void
        /// Bit 0: closed; the rest: twice the number of helpers at work.
        private let state = Atomic<Int>(0)
        private let finished = DispatchSemaphore(value: 0)

        init<Input, Output>(work: Work<Input, Output>) {
            self.work = Unmanaged.passUnretained(work as AnyObject)
            drain = { ($0 as! Work<Input, Output>).drain() }
        }

        func help() {
            var current = state.load(ordering: .acquiring)
            while true {
                guard current & 1 == 0 else { return }
                let (exchanged, original) = state.compareExchange(expected: current, desired: current + 2, ordering: .acquiringAndReleasing)
                if exchanged { break }
                current = original
            }
            drain(work.takeUnretainedValue())
            if state.wrappingSubtract(2, ordering: .acquiringAndReleasing).newValue == 1 { finished.signal() }
        }

        /// Lets no further helper start, and waits for those at work.
        func close() {
            if state.bitwiseOr(1, ordering: .acquiringAndReleasing).oldValue != 0 { finished.wait() }
        }
    }

    /// The inputs, the slots for the results, and the next input to take.
    private final class Work<Input, Output>: @unchecked Sendable {
        let transform: (Input) -> Output
        let inputs: [Input]
        let slots: UnsafeMutableBufferPointer<Output?>
        let next = Atomic<Int>(0)

        init(transform: @escaping (Input) -> Output, inputs: [Input], slots: UnsafeMutableBufferPointer<Output?>) {
            self.transform = transform
            self.inputs = inputs
            self.slots = slots
        }

        /// Takes inputs until none is left.
        func drain() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                slots[index] = transform(inputs[index])
            }
        }
    }
}
