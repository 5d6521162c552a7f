// libFuzzer target: the mapping-profile parser (YAML through Yams) and the date patterns it compiles.
// Input: the text of a profile. A profile that parses is also applied to a small extract, so its
// field names, value maps and date formats are exercised on real rows.
import ChildLinkImport
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let profile = try? MappingProfile(yaml: text, path: "fuzz.yaml") else { return 0 }
    for format in profile.dateFormats {
        for sample in ["03/06/2010", "2010-06-03", "2024-Feb-14 21:30:59", "14-02-2024 21:30", "", "31/02/2019"] {
            _ = format.parse(sample)
        }
    }
    let extract = ProfileExtract.path
    guard let result = try? ExtractReader(options: ImportOptions(profile: profile)).read(paths: [extract]) else {
        return 0
    }
    for file in result.files where !file.isBalanced {
        fatalError("records read \(file.recordsRead) != imported + duplicates + rejected with a fuzzed profile")
    }
    return 0
}

/// A small missing-episodes extract written once per process, read with every fuzzed profile.
enum ProfileExtract {
    static let path: String = {
        let path = FuzzScratch.path(extension: "csv")
        let text = """
            Episode ID,Child ID,D.O.B.,Start,End,Status,RHI Offered,Gender
            E1,P1,03/06/2010,2024-02-14 21:30:00,2024-02-15 08:00:00,Looked After,a) Yes,M
            E2,P2,2011-07-04,14-Feb-2024 21:30,,CIN,b) No,2
            E3,P3,31/02/2019,x,,Unknown,maybe,Boy

            """
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }()
}
