import ChildLinkMatching
import ChildLinkModel
import ChildLinkSample
import ChildLinkStore
import Testing

@testable import ChildLinkCore

/// The desk reads the review queue a page at a time: one pair in full and the page of the list
/// around it. The pages must add up to the order `review list` prints, and show each pair with every
/// present record of both children, as reading every record would.
@Suite("Review queue: one page at a time")
struct ReviewQueuePageTests {
    /// A store after two weeks of a generated borough of 3,000 children (seed 11): week 2 drops every
    /// 40th record of week 1, so the store holds records the latest run did not see, which no page
    /// may count. Made once; the tests only read it.
    static let twoWeeks = Result { try makeTwoWeeks() }

    static func makeTwoWeeks() throws -> ChildLinkStore {
        let week1 = SamplePopulation.generate(SampleConfiguration(children: 3000, seed: 11)).records
        let dropped = Set(week1.enumerated().filter { $0.offset % 40 == 39 }.map(\.element.key))
        let week2 = week1.filter { !dropped.contains($0.key) }
        let store = try ChildLinkStore.inMemory(user: "analyst")
        _ = try Pipeline.run(records: week1, store: store, logger: SampleWeeks.logger)
        _ = try Pipeline.run(records: week2, store: store, logger: SampleWeeks.logger)
        return store
    }

    /// Each pair of children `review list` prints, in order, with its "Deciding it" sentence.
    static func listed(_ store: ChildLinkStore) throws -> [(pair: String, decidingIt: String)] {
        let text = try ReviewJob.list(store, undecidedOnly: true)
        var blocks: [(pair: String, decidingIt: String)] = []
        for line in text.split(separator: "\n") {
            if let match = line.wholeMatch(of: /(CL[0-9]{6}) and (CL[0-9]{6}): .*/) {
                blocks.append(("\(match.1) \(match.2)", ""))
            } else if line.hasPrefix("  Deciding it: "), !blocks.isEmpty {
                blocks[blocks.count - 1].decidingIt = String(line.dropFirst("  Deciding it: ".count))
            }
        }
        return blocks
    }

    @Test func pagesOfTwoAddUpToTheReviewListInItsOrder() throws {
        let store = try Self.twoWeeks.get()
        let expected = try Self.listed(store).map(\.pair)
        try #require(expected.count >= 5)
        var rows: [String] = []
        for at in stride(from: 0, to: expected.count, by: 2) {
            let page = try ReviewJob.queuePage(store, at: at, children: nil, rowsPerPage: 2)
            #expect(page.count == expected.count)
            #expect(page.firstRow == at)
            #expect(page.rows.count == min(2, expected.count - at))
            rows += page.rows.map { "\($0.childA) \($0.childB)" }
        }
        #expect(rows == expected)
    }

    @Test func eachPairShownHasEveryPresentRecordOfBothChildrenAndTheListsSentence() throws {
        let store = try Self.twoWeeks.get()
        #expect(!(try store.absentRecordKeys()).isEmpty)
        let expected = try Self.listed(store)
        let membersOf = try Self.presentMembers(store)
        let strongest = Dictionary(
            try store.reviewChildPairs().map { ("\($0.childA) \($0.childB)", $0.strongest) }, uniquingKeysWith: { $1 })
        for (index, listed) in expected.enumerated() {
            let page = try ReviewJob.queuePage(store, at: index, children: nil, rowsPerPage: 2)
            let shown = try #require(page.shown)
            #expect(page.index == index)
            #expect("\(shown.childA) \(shown.childB)" == listed.pair)
            #expect(shown.impact == listed.decidingIt)
            #expect(shown.recordsA == membersOf[shown.childA])
            #expect(shown.recordsB == membersOf[shown.childB])
            #expect(shown.explanation?.first == strongest[listed.pair]?.recordA)
            #expect(shown.explanation?.second == strongest[listed.pair]?.recordB)
            let row = page.rows[index - page.firstRow]
            #expect(row.recordCountA == shown.recordsA.count)
            #expect(row.recordCountB == shown.recordsB.count)
            #expect(row.probability == shown.probability)
        }
    }

    @Test func aPairNamedByItsChildrenIsFoundAndAPositionPastTheEndShowsTheLastPair() throws {
        let store = try Self.twoWeeks.get()
        let count = try Self.listed(store).count
        let end = try ReviewJob.queuePage(store, at: 10_000, children: nil, rowsPerPage: 2)
        #expect(end.index == count - 1)
        #expect(end.firstRow == (count - 1) / 2 * 2)
        let last = try #require(end.shown)
        let found = try ReviewJob.queuePage(
            store, at: 0, children: UnorderedPair(last.childB, last.childA), rowsPerPage: 2)
        #expect(found.index == count - 1)
        #expect(found.shown?.childA == last.childA)
    }

    @Test func aStoreWithoutARunHasAnEmptyQueue() throws {
        let page = try ReviewJob.queuePage(
            try ChildLinkStore.inMemory(user: "analyst"), at: 3, children: nil, rowsPerPage: 2)
        #expect(page.count == 0)
        #expect(page.shown == nil)
        #expect(page.rows.isEmpty)
    }

    /// Each child's present records in key order, read without the review code.
    private static func presentMembers(_ store: ChildLinkStore) throws -> [ChildLinkID: [SourceRecord]] {
        let records = Dictionary(try store.currentRecords().map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        var membersOf: [ChildLinkID: [SourceRecord]] = [:]
        for (key, id) in try store.latestAssignment() {
            if let record = records[key] { membersOf[id, default: []].append(record) }
        }
        return membersOf.mapValues { $0.sorted { $0.key < $1.key } }
    }
}
