import ChildLinkModel
import ChildLinkStore
import Testing

@testable import ChildLinkCore

/// The review list, its export and the desk's queue read only the records of the children the list
/// names; what they show must be what reading every record would show.
@Suite("Review context: the review list's records only")
struct ReviewContextScopeTests {
    @Test func listedChildrenHaveTheSameRecordsAsWithEveryRecordRead() throws {
        let store = try ChildLinkStore.inMemory(user: "analyst")
        _ = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let listOnly = try ReviewCase.Context(store: store, scope: .reviewList)
        #expect(!listOnly.reviewPairs.isEmpty)
        let (every, membersOf) = try everyRecord(store)

        let listedChildren = Set(
            listOnly.reviewPairs.flatMap { [$0.recordA, $0.recordB] }.compactMap { listOnly.assignment[$0] })
        #expect(listedChildren.count >= 2)
        for child in listedChildren {
            #expect(listOnly.membersOf[child] == membersOf[child])
        }
        for pair in listOnly.reviewPairs {
            #expect(listOnly.records[pair.recordA] == every[pair.recordA])
            #expect(listOnly.records[pair.recordB] == every[pair.recordB])
        }
        // Fewer records read: the children off the list are left out.
        #expect(listOnly.records.count < every.count)
        #expect(Set(listOnly.membersOf.keys) == listedChildren)
    }

    @Test func namedChildrenAndRecordsHaveTheirChildrensRecords() throws {
        let store = try ChildLinkStore.inMemory(user: "analyst")
        _ = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let (every, membersOf) = try everyRecord(store)
        let assignment = try store.latestAssignment()
        let child = try #require(membersOf.first { $0.value.count >= 2 }?.key)
        let record = try #require(membersOf.first { $0.key != child }?.value.first?.key)
        let context = try ReviewCase.Context(store: store, scope: .subjects([.child(child), .record(record)]))
        #expect(context.membersOf[child] == membersOf[child])
        let recordsChild = try #require(assignment[record])
        #expect(context.membersOf[recordsChild] == membersOf[recordsChild])
        #expect(context.records[record] == every[record])
        #expect(context.membersOf.count == 2)
    }

    /// The indexed lookup finds the pair a scan of the whole list finds, for every pair of children
    /// on the list, either way round, and for each of their record pairs.
    @Test func firstReviewPairAsAScanOfTheListFindsIt() throws {
        let store = try ChildLinkStore.inMemory(user: "analyst")
        _ = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let context = try ReviewCase.Context(store: store, scope: .reviewList)
        func scan(_ a: Set<RecordKey>, _ b: Set<RecordKey>) -> ReviewPair? {
            context.reviewPairs.first {
                (a.contains($0.recordA) && b.contains($0.recordB)) || (a.contains($0.recordB) && b.contains($0.recordA))
            }
        }
        let entries = try store.reviewChildPairs()
        #expect(!entries.isEmpty)
        for entry in entries {
            let a = (context.membersOf[entry.childA] ?? []).map(\.key)
            let b = (context.membersOf[entry.childB] ?? []).map(\.key)
            let found = context.firstReviewPair(between: a, and: Set(b))
            #expect(found != nil)
            #expect(found == scan(Set(a), Set(b)))
            #expect(context.firstReviewPair(between: b, and: Set(a)) == found)
            for pair in entry.pairs {
                #expect(context.firstReviewPair(between: [pair.recordB], and: [pair.recordA]) == pair)
            }
        }
    }

    /// Every present record by key, and each child's records in key order, read without a context.
    private func everyRecord(_ store: ChildLinkStore) throws -> (
        [RecordKey: SourceRecord], [ChildLinkID: [SourceRecord]]
    ) {
        let records = Dictionary(try store.currentRecords().map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        var membersOf: [ChildLinkID: [SourceRecord]] = [:]
        for (key, id) in try store.latestAssignment() {
            if let record = records[key] { membersOf[id, default: []].append(record) }
        }
        return (records, membersOf.mapValues { $0.sorted { $0.key < $1.key } })
    }
}
