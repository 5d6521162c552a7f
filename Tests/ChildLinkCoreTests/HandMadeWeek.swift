import Foundation

/// A week worked out by hand: the missing episodes of four children up to Sunday 16/06/2019, in the
/// reference CSV layout. What the weekly pack must say about it is in the comments below and in the
/// tests that use it.
///
/// - Ava Stone (P1, born 01/03/2008, on a child protection plan): missing since Friday 14/06 20:00,
///   not returned. The missing extract's last date is 16/06 (Dan's return), so she has been missing
///   51 h 59 min by 16/06 23:59 ("2 d 4 h" to the nearest hour).
/// - Ben Hart (P2, born 12/02/2009): three episodes in 30 days (01/06, 05/06, 10/06); the last one
///   10/06 08:00 – 12/06 10:00 is 50 hours ("2 d 2 h"). Its RHI, due 3 working days after Wednesday
///   12/06, is due Monday 17/06: the day after the week.
/// - Cara Lewis (P3, born 05/05/2007): missing 03/06 09:00 – Wednesday 05/06 12:00 (51 h), before the
///   week; her RHI was due Monday 10/06 and is not done: 4 working days late (11, 12, 13, 14/06).
/// - Dan Cole (P4, born 20/10/2010, looked after): missing overnight 15/06 22:00 – 16/06 02:00 (4 h);
///   his RHI is due Wednesday 19/06.
/// - Eli Ward (P5, born 07/07/2007, not a client): missing 11/06 10:00 – 14:00, RHI done the next
///   day: in the week's list, but nothing for the group to decide.
enum HandMadeWeek {
    static let missingEpisodes = """
        EpisodeID,PersonID,Forename,Surname,DateOfBirth,Gender,EpisodeType,StartDateTime,EndDateTime,SocialCareStatus,RHIOffered,RHIAccepted,RHICompletedDate
        E01,P2,Ben,Hart,12/02/2009,M,Missing,01/06/2019 10:00,01/06/2019 20:00,CIN,Yes,Yes,03/06/2019
        E02,P3,Cara,Lewis,05/05/2007,F,Missing,03/06/2019 09:00,05/06/2019 12:00,CIN,Yes,Yes,
        E03,P2,Ben,Hart,12/02/2009,M,Missing,05/06/2019 19:00,06/06/2019 07:00,CIN,Yes,Yes,07/06/2019
        E04,P2,Ben,Hart,12/02/2009,M,Missing,10/06/2019 08:00,12/06/2019 10:00,CIN,Yes,Yes,
        E05,P1,Ava,Stone,01/03/2008,F,Missing,14/06/2019 20:00,,CPP,,,
        E06,P4,Dan,Cole,20/10/2010,M,Missing,15/06/2019 22:00,16/06/2019 02:00,LAC,Yes,Yes,
        E07,P5,Eli,Ward,07/07/2007,M,Missing,11/06/2019 10:00,11/06/2019 14:00,NAC,Yes,Yes,12/06/2019

        """

    /// One EHE record from 2017, so that the EHE extract has no data for June 2019.
    static let eheRecords = """
        EHEID,PersonID,Forename,Surname,DateOfBirth,StartDate
        H01,X9,Eve,Moss,03/03/2006,01/09/2017

        """

    /// Writes the missing extract (and, with `ehe`, the EHE one) into `folder/name`; returns its path.
    static func write(in folder: URL, name: String = "extracts", ehe: Bool = false) throws -> String {
        let extracts = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: extracts, withIntermediateDirectories: true)
        try missingEpisodes.write(
            to: extracts.appendingPathComponent("missing-episodes.csv"), atomically: true, encoding: .utf8)
        if ehe {
            try eheRecords.write(
                to: extracts.appendingPathComponent("ehe-records.csv"), atomically: true, encoding: .utf8)
        }
        return extracts.path
    }
}
