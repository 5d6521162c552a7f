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
        let everything = try ReviewCase.Context(store: store)
        let listOnly = try ReviewCase.Context(store: store, scope: .reviewList)
        #expect(!everything.reviewPairs.isEmpty)

        let listedChildren = Set(
            everything.reviewPairs.flatMap { [$0.recordA, $0.recordB] }.compactMap {
                everything.assignment[$0]
            })
        #expect(listedChildren.count >= 2)
        for child in listedChildren {
            #expect(listOnly.membersOf[child] == everything.membersOf[child])
        }
        for pair in everything.reviewPairs {
            #expect(listOnly.records[pair.recordA] == everything.records[pair.recordA])
            #expect(listOnly.records[pair.recordB] == everything.records[pair.recordB])
        }
        // Fewer records read: the children off the list are left out.
        #expect(listOnly.records.count < everything.records.count)
        #expect(Set(listOnly.membersOf.keys) == listedChildren)
        // Each pair of children reads the same in the list either way.
        for entry in try store.reviewChildPairs() {
            let lines = { (context: ReviewCase.Context) -> [String] in
                let a = context.membersOf[entry.childA] ?? []
                let b = context.membersOf[entry.childB] ?? []
                return ReviewJob.listBlock(entry, a, b, impact: ReviewImpact(a, b), context: context)
            }
            #expect(lines(listOnly) == lines(everything))
        }
    }
}
