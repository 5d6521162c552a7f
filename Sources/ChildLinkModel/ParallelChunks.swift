import Dispatch
import Foundation
import Synchronization

/// Work split into numbered chunks and run on several threads: the linker's blocking and scoring,
/// the name search's scoring, the review pairs' explanations, and the store's encoding and
/// decoding of records all run this way.
package enum ParallelChunks {
    /// Runs `work` for chunks `0..<count`, on `concurrency` threads when above one.
    package static func perform(_ count: Int, concurrency: Int, _ work: @escaping @Sendable (Int) -> Void) {
        if concurrency <= 1 || count <= 1 {
            for chunk in 0..<count { work(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: work)
        }
    }

    /// How many indices ``compactMap(_:chunkSize:concurrency:_:)`` gives one piece of work unless
    /// told otherwise: enough that handing out a chunk costs nothing beside its work, few enough
    /// that the cores finish together.
    package static let defaultChunkSize = 1_024

    /// `transform` of each index in `0..<count` that gives a value, in index order: the indices
    /// are taken in chunks of `chunkSize` on every core, and the chunks' values joined in order.
    ///
    /// - Throws: The first error `transform` throws, in index order (the other chunks still run).
    package static func compactMap<Value: Sendable, Failure: Error>(
        _ count: Int, chunkSize: Int = defaultChunkSize,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @escaping @Sendable (Int) throws(Failure) -> Value?
    ) throws(Failure) -> [Value] {
        let size = max(1, chunkSize)
        let chunkCount = (count + size - 1) / size
        let results = ChunkResults<Result<[Value], Failure>>(count: chunkCount, initial: .success([]))
        perform(chunkCount, concurrency: concurrency) { chunk in
            results.set(
                chunk,
                Result { () throws(Failure) -> [Value] in
                    var values: [Value] = []
                    for index in chunk * size..<min(count, (chunk + 1) * size) {
                        if let value = try transform(index) { values.append(value) }
                    }
                    return values
                })
        }
        var values: [Value] = []
        for result in results.takeValues() { values += try result.get() }
        return values
    }
}

/// One result slot per parallel chunk, each written by its own chunk only, read after all finish.
package final class ChunkResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value]>

    /// Slots for `count` chunks, each holding `initial` until its chunk sets it.
    package init(count: Int, initial: Value) { slots = Mutex(Array(repeating: initial, count: count)) }

    /// Sets the result of `chunk`.
    package func set(_ chunk: Int, _ value: Value) {
        slots.withLock { $0[chunk] = value }
    }

    /// Every chunk's result, copied.
    package var values: [Value] { slots.withLock { $0 } }

    /// The value of `chunk`, moved out (`empty` left in its place), so that the caller holds the only copy.
    package func take(_ chunk: Int, leaving empty: Value) -> Value {
        slots.withLock { slots in
            var taken = empty
            swap(&taken, &slots[chunk])
            return taken
        }
    }

    /// The values, moved out (the slots are left empty), so that the caller holds the only copy.
    package func takeValues() -> [Value] {
        slots.withLock { slots in
            var taken: [Value] = []
            swap(&taken, &slots)
            return taken
        }
    }
}
