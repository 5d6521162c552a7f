import ChildLinkModel
import Foundation
import Testing
@testable import ChildLinkStore

@Test func benchParts() throws {
    let n = 50_000
    let records = (0..<n).map { Fixture.missing(String(format: "E%06d", $0), forename: "F\($0 % 997)", surname: "S\($0 % 1013)") }
    var t = Date()
    let json = records.map { EventCoding.encode($0.event) }
    print("BENCH json: \(Date().timeIntervalSince(t)) s")
    t = Date()
    let hashes = json.map { SHA256.hex(of: $0 + $0) }
    print("BENCH sha: \(Date().timeIntervalSince(t)) s \(hashes.count)")
    t = Date()
    let cols = records.map { RecordColumns($0) }
    print("BENCH columns: \(Date().timeIntervalSince(t)) s \(cols.count)")
}
