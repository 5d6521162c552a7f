package import ChildLinkImport
package import ChildLinkMatching
package import ChildLinkModel
package import ChildLinkReports

/// The reference tables a run uses: ChildLink's built-in forename variants and bank holiday
/// changes, with whatever a council's mapping profile adds (`forenameVariants:`, `bankHolidays:`).
package struct CouncilReferenceTables: Sendable {
    /// The forename variant groups for the matcher.
    package var forenameVariants: ForenameVariantTable
    /// The working-day calendar for RHI deadlines.
    package var calendar: WorkingDayCalendar
    /// The council's targets, commentary and benchmarks for the scorecards (empty without files).
    package var scorecardContext = ScorecardContext()

    /// The built-in tables, the profile's additions, and the council's scorecard files.
    /// - Throws: as ``init(profilePath:)``, and ``ImportError`` naming the file, line and field of a
    ///   bad scorecard file (an unknown indicator, a bad number, a duplicate key).
    package init(profilePath: String?, scorecardFiles: ScorecardContextFiles) throws {
        try self.init(profilePath: profilePath)
        guard !scorecardFiles.isEmpty else { return }
        scorecardContext = try ScorecardContextReader.read(scorecardFiles, catalogue: Self.scorecardCatalogue)
    }

    /// What the scorecard files may name: each scorecard's indicators and groups, and periods as
    /// `--period` takes them.
    static let scorecardCatalogue: ScorecardCatalogue = {
        let references = Dictionary(
            uniqueKeysWithValues: ScorecardName.allCases.map { ($0, ScorecardReferences.of($0)) })
        return ScorecardCatalogue(
            indicators: references.mapValues(\.indicators), groups: references.mapValues(\.groups),
            periodKey: { ReportingPeriod(parsing: $0)?.slug })
    }()

    /// The built-in tables, and the profile's additions when `profilePath` is given.
    /// - Throws: `ImportError` for a profile or table file that cannot be read, ``ReferenceTableError``
    ///   naming the bad line of a table file.
    package init(profilePath: String?) throws {
        try self.init(profile: profilePath.map { try MappingProfile(contentsOf: $0) })
    }

    /// The built-in tables with `profile`'s additions.
    /// - Throws: as ``init(profilePath:)``.
    init(profile: MappingProfile?) throws {
        let variants = try profile?.addedForenameVariants() ?? ForenameVariantList()
        let changes = try profile?.addedBankHolidayChanges() ?? BankHolidayChanges()
        forenameVariants =
            variants.groups.isEmpty
            ? .builtIn : ForenameVariantTable(ForenameVariantList.builtInForenameVariants.appending(variants))
        calendar =
            changes.changes.isEmpty
            ? WorkingDayCalendar() : WorkingDayCalendar(changes: BankHolidayChanges.builtIn.appending(changes))
    }
}
