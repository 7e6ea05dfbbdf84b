import Dispatch

/// Work spread over all cores, results in input order.
public enum Parallel {
    /// `inputs.map(transform)`, with the calls spread over all cores.
    public static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        var results = [Output?](repeating: nil, count: inputs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            withoutActuallyEscaping(transform) { transform in
                let work = Work(transform: transform, inputs: inputs)
                DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                    slots.buffer[index] = work.transform(work.inputs[index])
                }
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

    private struct Slots<Output>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Output?>
    }

    private struct Work<Input, Output>: @unchecked Sendable {
        let transform: (Input) -> Output
        let inputs: [Input]
    }
}
