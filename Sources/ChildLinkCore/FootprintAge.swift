import ChildLinkMatching
package import ChildLinkModel
import Foundation

/// An age in whole years, or a range of ages (`7`, `7-9`), as someone who does not know a child's
/// date of birth gives it.
package struct AgeRange: Sendable, Hashable, CustomStringConvertible {
    /// The youngest age meant, in whole years.
    package let youngest: Int
    /// The oldest age meant, in whole years (equal to `youngest` for one age).
    package let oldest: Int

    /// The oldest age a search takes: children's services work with young people up to 25.
    package static let oldestAllowed = 25

    /// Reads `7`, `7-9`, `7–9` or `7 to 9`; `nil` for anything else, a range upside down, or an age
    /// over ``oldestAllowed``.
    package init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.replacingOccurrences(of: "to", with: "-").replacingOccurrences(of: "–", with: "-")
            .split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let youngest = Int(parts[0]), let oldest = Int(parts[parts.count - 1]),
            youngest >= 0, youngest <= oldest, oldest <= Self.oldestAllowed
        else { return nil }
        self.youngest = youngest
        self.oldest = oldest
    }

    /// `7` or `7-9`.
    package var description: String { youngest == oldest ? "\(youngest)" : "\(youngest)-\(oldest)" }

    /// Whether a child born on `dateOfBirth` is of an age in the range on `day` (whole years, as
    /// ``CalendarDate/age(on:)`` counts them).
    package func contains(bornOn dateOfBirth: CalendarDate, on day: CalendarDate) -> Bool {
        (youngest...oldest).contains(dateOfBirth.age(on: day))
    }
}

/// An age given instead of a date of birth, weighed as the matcher weighs a comparison: a record
/// whose date of birth makes the child an age in the range gains `log2(m/u)` bits, one outside it
/// `log2((1-m)/(1-u))`, one without a date of birth nothing — where `m` is the chance the same
/// child's recorded date of birth is not wholly different (the fitted model's date-of-birth
/// levels other than "different"), and `u` the share of the searched records with a date of birth
/// that falls in the range (how often another child would agree by chance).
struct AgeEvidence: Sendable {
    /// The ages meant.
    let range: AgeRange
    /// The day the ages are counted on.
    let day: CalendarDate
    /// Bits for a record in the range.
    let inRangeBits: Double
    /// Bits for a record with a date of birth outside the range.
    let outOfRangeBits: Double

    /// Weighs `range` against the dates of birth of every record (`dated`) under `model`.
    init(range: AgeRange, on day: CalendarDate, birthDates dated: [CalendarDate], model: MatchModel) {
        self.range = range
        self.day = day
        let inRange = dated.count { range.contains(bornOn: $0, on: day) }
        let share = dated.isEmpty ? 0.5 : Double(inRange) / Double(dated.count)
        (inRangeBits, outOfRangeBits) = Self.bits(sameChildInRange: Self.sameChildShare(model), othersInRange: share)
    }

    /// The bits for a record with `person`'s date of birth (0 when it has none).
    func bits(_ person: PersonFields) -> Double {
        guard let dateOfBirth = person.dateOfBirth else { return 0 }
        return range.contains(bornOn: dateOfBirth, on: day) ? inRangeBits : outOfRangeBits
    }

    /// `(log2(m/u), log2((1-m)/(1-u)))`, each share kept inside [10⁻⁶, 1 − 10⁻⁶].
    static func bits(sameChildInRange m: Double, othersInRange u: Double) -> (inRange: Double, outOfRange: Double) {
        let m = min(max(m, 1e-6), 1 - 1e-6)
        let u = min(max(u, 1e-6), 1 - 1e-6)
        return (log2(m / u), log2((1 - m) / (1 - u)))
    }

    /// The model's chance that the same child's two dates of birth are not wholly different.
    static func sameChildShare(_ model: MatchModel) -> Double {
        let levels = model.m[Comparison.dateOfBirth.rawValue]
        let different = Int(DateOfBirthLevel.different.rawValue)
        let recorded = levels.indices.dropFirst().reduce(0) { $0 + levels[$1] }
        return recorded > 0 ? 1 - levels[different] / recorded : 0.5
    }
}
