import ChildLinkModel
import Testing

@Suite("Record key order")
struct RecordKeyOrderTests {
    static let keys: [RecordKey] = Dataset.allCases.flatMap { dataset in
        ["E10", "E2", "e1", "Ä1", "E1", ""].map { RecordKey(dataset: dataset, recordID: $0) }
    }

    @Test("Keys are ordered by the datasets' declaration order, then by record id")
    func precedesIsDeclarationOrderThenID() {
        func declared(_ key: RecordKey) -> Int { Dataset.allCases.firstIndex(of: key.dataset)! }
        for a in Self.keys {
            for b in Self.keys {
                let expected = (declared(a), a.recordID) < (declared(b), b.recordID)
                #expect(a.precedes(b) == expected, "\(a) \(b)")
                #expect((a < b) == expected, "\(a) \(b)")
            }
        }
    }

    static func record(_ key: RecordKey) -> SourceRecord {
        let event: RecordEvent =
            switch key.dataset {
            case .missing:
                .missing(MissingEpisode(type: .missing, start: LocalDateTime(date: CalendarDate(daysSinceEpoch: 0))!))
            case .cme: .cme(CMEReferral(referralDate: CalendarDate(daysSinceEpoch: 0)))
            case .ehe: .ehe(EHERecord(startDate: CalendarDate(daysSinceEpoch: 0)))
            case .exclusions:
                .exclusion(
                    ExclusionRecord(category: .suspension, startDate: CalendarDate(daysSinceEpoch: 0), reasons: []))
            case .socialCare: .socialCare(SocialCareRecord())
            }
        return SourceRecord(recordID: key.recordID, person: PersonFields(), event: event)
    }

    @Test("sortByKey sorts as sorting by < does, in place")
    func sortByKey() {
        var state: UInt64 = 7
        var shuffled = Self.keys.map(Self.record)
        for index in shuffled.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shuffled.swapAt(index, Int(state >> 33) % (index + 1))
        }
        #expect(!shuffled.isStrictlySortedByKey)
        var sorted = shuffled
        sorted.sortByKey()
        #expect(sorted == shuffled.sorted { $0.key < $1.key })
        #expect(sorted.isStrictlySortedByKey)
        #expect(!(sorted + [sorted[0]]).isStrictlySortedByKey)
    }

    @Test("sortByKey orders long, padded and non-ASCII ids as String's < does")
    func sortByKeyBeyondEightBytes() {
        let ids = [
            "E0000000012", "E0000000002", "E00000000", "E0000000", "E000000", "E1\u{0}", "E1", "E1\u{0}\u{0}",
            "e\u{301}", "\u{E9}x", "f", "e", "E0000000\u{E9}", "E0000000z", "P300527", "1204322",
        ]
        var records = Dataset.allCases.reversed().flatMap { dataset in
            ids.map { Self.record(RecordKey(dataset: dataset, recordID: $0)) }
        }
        let expected = records.sorted { $0.key < $1.key }
        records.sortByKey()
        #expect(records.map(\.key) == expected.map(\.key))
    }
}
