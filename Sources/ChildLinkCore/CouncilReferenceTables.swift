import ChildLinkImport
package import ChildLinkMatching
import ChildLinkModel
package import ChildLinkReports

/// The reference tables a run uses: ChildLink's built-in forename variants and bank holiday
/// changes, with whatever a council's mapping profile adds (`forenameVariants:`, `bankHolidays:`).
package struct CouncilReferenceTables: Sendable {
    /// The forename variant groups for the matcher.
    package var forenameVariants: ForenameVariantTable
    /// The working-day calendar for RHI deadlines.
    package var calendar: WorkingDayCalendar

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
