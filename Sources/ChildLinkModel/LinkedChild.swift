/// One child as ChildLink sees them: a stable id and the source records that belong to them.
public struct LinkedChild: Hashable, Sendable, Identifiable {
    /// The ChildLink id.
    public let id: ChildLinkID
    /// The records assigned to this child, sorted.
    public var records: [RecordKey]

    /// Creates a child.
    public init(id: ChildLinkID, records: [RecordKey]) {
        self.id = id
        self.records = records.sorted()
    }

    /// The strands (of the four datasets) this child appears in.
    public var strands: Set<Dataset> {
        Set(records.map(\.dataset)).intersection(Dataset.strands)
    }
}
