import ChildLinkModel
import Testing

@Suite("RAG ratings against a target")
struct IndicatorTargetTests {
    /// Higher is better, target 80, amber tolerance 5, red tolerance 10: Green from 75 (80 − 5) up,
    /// Amber from 70 (80 − 10) up to just under 75, Red below 70. A value on a boundary takes the
    /// better colour.
    @Test(arguments: [
        (95.0, RAGStatus.green), (80, .green), (75, .green), (74.99, .amber), (70, .amber), (69.99, .red), (0, .red),
    ])
    func higherIsBetter(value: Double, expected: RAGStatus) {
        let target = IndicatorTarget(polarity: .higher, target: 80, amber: 5, red: 10)
        #expect(target.status(of: value) == expected)
    }

    /// Lower is better, target 150, amber 10, red 30: Green up to 160, Amber up to 180, Red above.
    @Test(arguments: [
        (0.0, RAGStatus.green), (150, .green), (160, .green), (160.5, .amber), (180, .amber), (180.5, .red),
    ])
    func lowerIsBetter(value: Double, expected: RAGStatus) {
        let target = IndicatorTarget(polarity: .lower, target: 150, amber: 10, red: 30)
        #expect(target.status(of: value) == expected)
    }

    /// Without tolerances, only the target itself and better are Green; anything short is Red.
    @Test func noTolerances() {
        let target = IndicatorTarget(polarity: .higher, target: 10)
        #expect(target.status(of: 10) == .green)
        #expect(target.status(of: 9.5) == .red)
    }

    /// Info indicators, and indicators without a target, have no rating.
    @Test func infoHasNoRating() {
        #expect(IndicatorTarget(polarity: .info).status(of: 12) == nil)
        #expect(IndicatorTarget(polarity: .higher).status(of: 12) == nil)
    }
}
