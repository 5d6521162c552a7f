import ChildLinkCore
import ChildLinkMatching
import ChildLinkModel
import ChildLinkReports
import Foundation
import Testing

@Suite("A council's reference tables, through its mapping profile")
struct CouncilReferenceTablesTests {
    /// A folder with `profile.yaml` naming `nicknames.txt` and `bank-holidays.txt` beside it.
    static func councilFolder(nicknames: String, holidays: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-tables-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let profile = """
            name: Example council
            forenameVariants: nicknames.txt
            bankHolidays: bank-holidays.txt
            """
        try profile.write(to: folder.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
        try nicknames.write(to: folder.appendingPathComponent("nicknames.txt"), atomically: true, encoding: .utf8)
        try holidays.write(to: folder.appendingPathComponent("bank-holidays.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func withoutAProfileTheTablesAreTheBuiltInOnes() throws {
        let tables = try CouncilReferenceTables(profilePath: nil)
        #expect(tables.forenameVariants == .builtIn)
        #expect(!tables.calendar.isWorkingDay(CalendarDate(year: 2023, month: 5, day: 8)!))
    }

    @Test func profileAddsAVariantAndABankHoliday() throws {
        let folder = try Self.councilFolder(nicknames: "zbigniew zbyszek\n", holidays: "2030-06-10  # extra\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tables = try CouncilReferenceTables(profilePath: folder.appendingPathComponent("profile.yaml").path)
        let added = ForenameVariantList(groups: [["zbigniew", "zbyszek"]])
        #expect(tables.forenameVariants == ForenameVariantTable(.builtInForenameVariants.appending(added)))
        #expect(tables.forenameVariants != .builtIn)
        let extraDay = CalendarDate(year: 2030, month: 6, day: 10)!
        #expect(!tables.calendar.isWorkingDay(extraDay))
        #expect(try CouncilReferenceTables(profilePath: nil).calendar.isWorkingDay(extraDay))
        #expect(!tables.calendar.isWorkingDay(CalendarDate(year: 2023, month: 5, day: 8)!))
    }

    @Test func badTableFileIsNamedWithItsLine() throws {
        let folder = try Self.councilFolder(nicknames: "# ours\nzbigniew\n", holidays: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nicknames = folder.appendingPathComponent("nicknames.txt").path
        #expect(
            throws: ReferenceTableError(
                path: nicknames, line: 2, message: "a group needs at least two names, separated by spaces")
        ) {
            try CouncilReferenceTables(profilePath: folder.appendingPathComponent("profile.yaml").path)
        }
    }

    @Test func missingTableFileIsAnError() throws {
        let folder = try Self.councilFolder(nicknames: "", holidays: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("bank-holidays.txt"))
        #expect(throws: (any Error).self) {
            try CouncilReferenceTables(profilePath: folder.appendingPathComponent("profile.yaml").path)
        }
    }
}
