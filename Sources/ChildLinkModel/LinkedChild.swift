/// One child as ChildLink sees them: a stable id and the source records that belong to them.
package struct LinkedChild: Hashable, Sendable, Identifiable {
    /// The ChildLink id.
    package let id: ChildLinkID
    /// The records assigned to this child, sorted.
    package var records: [RecordKey]

    /// Creates a child.
    package init(id: ChildLinkID, records: [RecordKey]) {
        self.id = id
        self.records = records.sorted()
    }

    /// The strands (of the four datasets) this child appears in.
    package var strands: Set<Dataset> {
        Set(records.map(\.dataset)).intersection(Dataset.strands)
    }
}
