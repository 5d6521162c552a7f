import ArgumentParser
package import ChildLinkCore
package import ChildLinkModel
import ChildLinkReports
package import ChildLinkSample

#if Desk
    import ChildLinkServer
#endif

/// How option values are read from the command line: each `transform:` turns the text into a typed
/// value or says, in a usage error naming the option, what was expected.
enum ArgumentValues {
    /// `2019-06-30` or `30/06/2019`.
    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else {
            throw ValidationError("not a date; write yyyy-MM-dd or dd/MM/yyyy.")
        }
        return date
    }

    /// `7` or `7-9`: an age in whole years, or a range of ages.
    static func age(_ text: String) throws -> AgeRange {
        guard let age = AgeRange(parsing: text) else {
            throw ValidationError(
                "not an age; write whole years (7) or a range (7-9), from 0 to \(AgeRange.oldestAllowed).")
        }
        return age
    }

    /// `2019-07-01T09:00`.
    static func dateTime(_ text: String) throws -> LocalDateTime {
        guard let value = LocalDateTime(parsing: text) else {
            throw ValidationError("not a date and time; write yyyy-MM-ddTHH:mm.")
        }
        return value
    }

    /// `2019-06`, `2018Q4` or `2018/19`, or as a report heads its columns (`Jun-19`, `Q4 2018/19`).
    static func period(_ text: String) throws -> ReportingPeriod {
        guard let period = ReportingPeriod(parsing: text) else {
            throw ValidationError(
                "not a month (2019-06, 06/2019 or Jun-19), a quarter of the financial year (2018Q4 or Q4 2018/19: "
                    + "January to March 2019) or a year (2018/19).")
        }
        return period
    }

    /// `html`, or several comma-separated: `html,csv`.
    static func reportFormats(_ text: String) throws -> [ReportFormat] {
        try text.split(separator: ",").map { name in
            guard let format = ReportFormat(rawValue: name.lowercased()) else {
                throw ValidationError("'\(name)' is not one of html, xlsx, csv, json.")
            }
            return format
        }
    }

    /// A number of seconds, 0 or more (`600`, `0.5`).
    static func seconds(_ text: String) throws -> Duration {
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
            throw ValidationError("give a number of seconds, 0 or more.")
        }
        return .seconds(seconds)
    }

    /// A child, `CL000123`, or a record, `Missing:E000123`, for a review decision.
    static func reviewSubject(_ text: String) throws -> ReviewSubject {
        guard let subject = ReviewSubject(parsing: text) else {
            throw ValidationError(
                "'\(text)' is not a record key; write Dataset:RecordID, e.g. Missing:E000123 (or a ChildLink id, CL000123)."
            )
        }
        return subject
    }

    /// A review decision's id, `D12` (or `12`).
    static func decisionID(_ text: String) throws -> DecisionID {
        guard let id = DecisionID(parsing: text) else {
            throw ValidationError("'\(text)' is not a decision id; write it as 'review history' lists it, e.g. D12.")
        }
        return id
    }

    #if Desk
        /// `127.0.0.1`, `::1` or `localhost`; any other address is refused (the desk serves personal data).
        static func deskHost(_ text: String) throws -> DeskHost {
            guard let host = DeskHost(parsing: text) else {
                throw ValidationError("--host \(text): " + DeskHost.refusal)
            }
            return host
        }
    #endif

    /// A ChildLink id, `CL000123`.
    static func childID(_ text: String) throws -> ChildLinkID {
        guard let id = ChildLinkID(text) else { throw ValidationError("not a ChildLink id (e.g. CL000123).") }
        return id
    }
}

extension Dataset: ExpressibleByArgument {
    /// `missing`, `cme`, `ehe`, `exclusions` or `cin` (and the longer names ``Dataset/init(name:)`` knows).
    package init?(argument: String) { self.init(name: argument) }

    /// The names to type, for help and errors.
    package static var allValueStrings: [String] { ["missing", "cme", "ehe", "exclusions", "cin"] }

    /// The name to type.
    package var defaultValueDescription: String { Dataset.allValueStrings[Dataset.allCases.firstIndex(of: self)!] }
}

extension ScorecardKind: ExpressibleByArgument {}

extension FootprintFormat: ExpressibleByArgument {}

extension NoiseLevel: ExpressibleByArgument {}
