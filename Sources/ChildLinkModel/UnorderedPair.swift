/// Two values regardless of order: a pair of records, or of children.
package struct UnorderedPair<Element: Comparable & Hashable & Sendable>: Hashable, Sendable {
    /// The smaller.
    package let a: Element
    /// The larger.
    package let b: Element
    /// The pair, in order.
    package init(_ first: Element, _ second: Element) {
        a = min(first, second)
        b = max(first, second)
    }
}
