import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import Foundation

extension ChildLink {
    /// `childlink footprint`.
    struct Footprint: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "footprint",
            abstract: "Show every record about one child on one timeline, with why each belongs to them.",
            discussion: """
                Find the child by name and date of birth (fuzzy: spelling variants, swapped or transposed \
                dates are scored with the matcher's comparisons), by name and age today when the date of \
                birth is not known (--age 7, or a range: --age 7-9), or by an identifier. When several \
                children match about as well, they are listed with their scores: refine the query \
                (add --dob or --age, or use --child-id).

                Without extract files, the store's latest run is searched (its stable ChildLink ids). \
                With extract files, they are linked first through the same pipeline as 'weekly' (and, \
                with a store, recorded in it).

                Every lookup made with a store is AUDITED: the OS user, the time, the query and the \
                ChildLink ids returned are written to the store's audit log ('childlink audit'). The \
                footprint holds personal data about the child; files are written readable by their \
                owner only (0600). Logs (--verbose) never hold personal data.

                Exit status: 0 found, 1 no child matches, 2 candidates listed (several children, or one \
                that is not certain enough): refine the query.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Extract files or folders to link first (optional; default: the store's latest run).")
        var inputs: [String] = []

        @Option(name: .long, help: ArgumentHelp("\"Forename Surname\" or \"Surname, Forename\".", valueName: "name"))
        var name: String?

        @Option(
            name: .long,
            help: ArgumentHelp("Date of birth, with --name (yyyy-MM-dd or dd/MM/yyyy).", valueName: "date"),
            transform: ArgumentValues.date)
        var dob: CalendarDate?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Age today in whole years, or a range (7-9), with --name instead of --dob.", valueName: "years"),
            transform: ArgumentValues.age)
        var age: AgeRange?

        @Option(name: .long, help: "A UPN (current or former).")
        var upn: String?

        @Option(name: .long, help: "An NHS number.")
        var nhs: String?

        @Option(name: .customLong("person-id"), help: "A source system's person id.")
        var personID: String?

        @Option(
            name: .customLong("child-id"),
            help: ArgumentHelp("A ChildLink id, e.g. CL000123 (merged ids are followed).", valueName: "child-id"),
            transform: ArgumentValues.childID)
        var childID: ChildLinkID?

        @Option(name: .long, help: "text, html or json.")
        var format: FootprintFormat = .text

        @Option(
            name: .long, help: "The file to write (needed for html and json; text goes to the terminal without it).")
        var out: String?

        @Option(help: "A mapping profile (YAML) for a council's own headers, date formats and codes.")
        var profile: String?

        @OptionGroup var storeOptions: RunStoreOptions

        func validate() throws {
            let given = [name, upn, nhs, personID, childID?.description].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError("Give exactly one of --name, --upn, --nhs, --person-id or --child-id.")
            }
            if dob != nil && name == nil { throw ValidationError("--dob goes with --name.") }
            if age != nil && name == nil { throw ValidationError("--age goes with --name.") }
            if age != nil && dob != nil { throw ValidationError("Give --dob or --age, not both.") }
            if format != .text && out == nil { throw ValidationError("--format \(format.rawValue) needs --out FILE.") }
            if profile != nil && inputs.isEmpty {
                throw ValidationError("--profile maps extract files: give the extracts to read with it.")
            }
        }

        func query() throws -> FootprintQuery {
            if let name, let age { return try .name(name, age: age, on: LocalDateTime.at(Date()).date) }
            if let name { return try .name(name, dob: dob) }
            if let upn { return .upn(upn) }
            if let nhs { return .nhsNumber(nhs) }
            if let personID { return .personID(personID) }
            return .childID(childID!)
        }

        func run() throws {
            let query = try query()
            let request = FootprintJob.Request(
                query: query, inputs: inputs, storePath: storeOptions.resolvedPath, storeWait: storeOptions.storeWait,
                profilePath: profile)
            let reply = try FootprintJob.respond(request, format: format, out: out, logger: logger)
            TerminalOutput.print(reply.text, terminator: "")
            if reply.status != 0 { throw ExitCode(reply.status) }
        }
    }
}
