import ChildLinkModel

/// The data-quality findings a report prints beside its figures.
package enum DataQuality {
    /// The section naming each event recorded twice and counted once, with both record ids (as
    /// keyed pseudonyms with `pseudonymiser`); nil when there are none among `duplicates`.
    package static func duplicatesSection(_ duplicates: [DuplicateEvent], pseudonymiser: Pseudonymiser?)
        -> ReportSection?
    {
        duplicatesSection(duplicates, pseudonymiser: pseudonymiser, people: nil)
    }

    /// The section as above; the weekly pack gives `people`, the child's name and age, shown after the id.
    static func duplicatesSection(
        _ duplicates: [DuplicateEvent], pseudonymiser: Pseudonymiser?, people: PackPeople?
    ) -> ReportSection? {
        guard !duplicates.isEmpty else { return nil }
        let style = IdentityStyle(pseudonymiser: pseudonymiser)
        let table = ReportTable(
            id: "duplicate-events", title: "Events recorded twice (counted once)",
            columns: ["ChildLink ID"] + (people == nil ? [] : ["Name", "Age"])
                + ["Dataset", "Counted record", "Copy left out", "Same event"],
            rows: duplicates.map { entry in
                [.text(style.childID(entry.child))] + (people?.nameAndAge(entry.child) ?? []) + [
                    .text(entry.kept.dataset.rawValue),
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

    /// The section saying how many NHS numbers, UPNs and person ids the linkage read as
    /// placeholders (each held by `minimumChildren` or more children of other birth dates and
    /// surnames) and on how many records: counts only, never a value (it may be a real child's);
    /// nil when there are none.
    package static func placeholderIdentifiersSection(
        nhsNumbers: Int, upns: Int, personIDs: Int, records: Int, minimumChildren: Int
    ) -> ReportSection? {
        guard nhsNumbers + upns + personIDs > 0 else { return nil }
        let table = ReportTable(
            id: "placeholder-identifiers", title: "Identifiers read as placeholders",
            columns: ["NHS numbers", "UPNs", "Person ids", "Records holding one"],
            rows: [[.count(nhsNumbers), .count(upns), .count(personIDs), .count(records)]],
            note: "Each value is held by \(minimumChildren) or more children of other birth dates and surnames: a "
                + "number a system fills in where a child's own is not known, not one child's. Linking read it as no "
                + "identifier, so it neither joined those children nor kept a child's records apart.")
        return ReportSection(
            title: "Data quality: identifiers filled in for unknown children",
            summary: "Ask the recording team to leave the field empty when a child's number is not known.",
            tables: [table])
    }

    /// The section naming each child that holds two different valid UPNs or NHS numbers because
    /// of a reviewer's decision, with the decision and how to revoke it (each entry as the run
    /// words it: ChildLink and decision ids, never a name or an identifier); nil when there are none.
    package static func reviewerMadeConflictsSection(_ conflicts: [String]) -> ReportSection? {
        guard !conflicts.isEmpty else { return nil }
        let table = ReportTable(
            id: "reviewer-made-conflicts", title: "Children joined by a reviewer over conflicting identifiers",
            columns: ["What was found, and how to undo it"], rows: conflicts.map { [.text($0)] },
            note: "A reviewer's decision, not the matcher, put two different valid identifiers into one child. "
                + "Check the decision with whoever made it; revoking it splits the child again at the next run.")
        return ReportSection(
            title: "Data quality: reviewer decisions",
            summary: "Decisions recorded with --force over conflicting identifiers ('childlink review history').",
            tables: [table])
    }
}
