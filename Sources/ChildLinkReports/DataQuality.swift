package import ChildLinkModel

/// The data-quality findings a report prints beside its figures.
package enum DataQuality {
    /// The section naming each event recorded twice and counted once, with both record ids (as
    /// keyed pseudonyms with `pseudonymiser`); nil when there are none among `duplicates`.
    package static func duplicatesSection(_ duplicates: [DuplicateEvent], pseudonymiser: Pseudonymiser?)
        -> ReportSection?
    {
        guard !duplicates.isEmpty else { return nil }
        let style = IdentityStyle(pseudonymiser: pseudonymiser)
        let table = ReportTable(
            id: "duplicate-events", title: "Events recorded twice (counted once)",
            columns: ["ChildLink ID", "Dataset", "Counted record", "Copy left out", "Same event"],
            rows: duplicates.map { entry in
                [
                    .text(style.childID(entry.child)), .text(entry.kept.dataset.rawValue),
                    .text(style.recordID(entry.kept)), .text(style.recordID(entry.copy)), .text(entry.sameAs),
                ]
            },
            note: "The same child's same event (an episode's start date-time, a CME referral date, an EHE start "
                + "date, an exclusion's start date and category) keyed twice, often under a second person id: "
                + "the fuller record is counted, the copy is left out of every figure and list.")
        return ReportSection(
            title: "Data quality",
            summary: "Ask the recording team to merge or remove the copies in the source system.", tables: [table])
    }
}
