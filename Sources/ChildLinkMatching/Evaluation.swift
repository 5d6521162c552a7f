package import ChildLinkModel

/// Pairwise accuracy of a linkage against the known truth (samples, FEBRL): every two records
/// put in one child is a predicted pair; every two records of one true person is a true pair.
package struct LinkEvaluation: Sendable, Hashable {
    /// Predicted pairs that are truly the same person.
    package var truePositives = 0
    /// Predicted pairs of two different people.
    package var falsePositives = 0
    /// True pairs the clustering kept apart.
    package var falseNegatives = 0
    /// False-positive pairs of different people with the same date of birth and surname but
    /// different forenames as recorded (twins, by the look of them; namesakes are not counted).
    package var twinsMerged = 0

    /// Precision: the share of predicted pairs that are right.
    package var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
    /// Recall: the share of true pairs found.
    package var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    /// The harmonic mean of precision and recall.
    package var f1: Double { 2 * precision * recall / max(precision + recall, 1e-12) }

    /// Scores `result` against `truth` (record → true person id). Records missing from the truth
    /// are ignored.
    package init(result: LinkResult, truth: [RecordKey: String]) {
        let table = result.table
        var byChild: [Int: [Int]] = [:]
        for (index, record) in result.records.enumerated() where truth[record.key] != nil {
            byChild[result.childOfRecord[index], default: []].append(index)
        }
        var predictedTrue = 0
        for members in byChild.values where members.count > 1 {
            for a in 0..<(members.count - 1) {
                for b in (a + 1)..<members.count {
                    let i = members[a]
                    let j = members[b]
                    if truth[result.records[i].key] == truth[result.records[j].key] {
                        predictedTrue += 1
                    } else {
                        falsePositives += 1
                        if table.birthDays[i] == table.birthDays[j], table.surnameStem[i].length > 0,
                            table.slice(table.surnameStem[i]) == table.slice(table.surnameStem[j]),
                            table.forenameHash[i] != table.forenameHash[j]
                        {
                            twinsMerged += 1
                        }
                    }
                }
            }
        }
        var sizes: [String: Int] = [:]
        for record in result.records { if let person = truth[record.key] { sizes[person, default: 0] += 1 } }
        let truePairs = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        truePositives = predictedTrue
        falseNegatives = truePairs - predictedTrue
    }
}
