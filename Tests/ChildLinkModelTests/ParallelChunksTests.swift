import ChildLinkModel
import Testing

@Suite("Work in parallel chunks")
struct ParallelChunksTests {
    struct Failure: Error, Equatable { let index: Int }

    /// The multiples of 3 below 1,000, tripled and kept in order, whatever the chunk size or the
    /// number of threads (chunks of 7 end mid-way between multiples; a chunk larger than the
    /// work is one chunk).
    @Test(
        "values come back in index order, the indices without a value left out",
        arguments: [(1, 1), (7, 4), (7, 1), (1_000, 4), (4_096, 2)])
    func valuesInIndexOrder(chunkSize: Int, concurrency: Int) {
        let values = ParallelChunks.compactMap(1_000, chunkSize: chunkSize, concurrency: concurrency) {
            $0 % 3 == 0 ? $0 * 3 : nil
        }
        #expect(values == Array(stride(from: 0, to: 3_000, by: 9)))
        #expect(values.count == 334)
    }

    @Test("no work gives no values")
    func noWork() {
        #expect(ParallelChunks.compactMap(0, chunkSize: 16) { $0 }.isEmpty)
    }

    /// Indices 95 and 12 fail, in chunks of 10 on four threads: the chunk of 90–99 may finish
    /// first, but the error thrown is index 12's, the first in index order.
    @Test("the first error in index order is thrown")
    func firstErrorInIndexOrder() {
        let error = #expect(throws: Failure.self) {
            try ParallelChunks.compactMap(100, chunkSize: 10, concurrency: 4) { (index: Int) throws(Failure) -> Int in
                if index == 95 || index == 12 { throw Failure(index: index) }
                return index
            }
        }
        #expect(error == Failure(index: 12))
    }

    @Test("each chunk's result is set and taken by its own slot")
    func chunkResultsBySlot() {
        let results = ChunkResults<[Int]>(count: 8, initial: [])
        ParallelChunks.perform(8, concurrency: 4) { chunk in results.set(chunk, [chunk, chunk * chunk]) }
        #expect(results.take(3, leaving: []) == [3, 9])
        #expect(results.values[3] == [])
        #expect(results.takeValues().map { $0.first ?? -1 } == [0, 1, 2, -1, 4, 5, 6, 7])
        #expect(results.values.isEmpty)
    }
}
