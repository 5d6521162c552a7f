package import ChildLinkModel

/// A reviewer's verdict on a pair of records, as the clustering must respect it.
package struct PairConstraint: Hashable, Sendable {
    /// The smaller record key.
    package let first: RecordKey
    /// The larger record key.
    package let second: RecordKey
    /// Must-link or cannot-link.
    package let kind: PairVerdict

    /// Creates a constraint; the keys are put in order.
    package init(_ a: RecordKey, _ b: RecordKey, _ kind: PairVerdict) {
        first = min(a, b)
        second = max(a, b)
        self.kind = kind
    }
}

/// The matcher's clusters after the review decisions were applied.
package struct ConstrainedClustering: Sendable, Hashable {
    /// Every record of the run exactly once, each cluster sorted, clusters ordered by their smallest key.
    package let clusters: [[RecordKey]]
    /// Must-link decisions that joined two clusters the matcher had kept apart.
    package let mergesMade: [PairConstraint]
    /// Cannot-link decisions that split a cluster the matcher had made.
    package let splitsMade: [PairConstraint]
    /// Must-link decisions that could not be honoured because a cannot-link decision forbids the join.
    package let conflicting: [PairConstraint]
    /// Decisions naming a record that is not in this run (kept for when it returns).
    package let notInRun: Int
}

/// Applies clerical-review decisions to the matcher's clustering, after clustering.
///
/// The matcher's clusters are kept, except that a cluster holding both records of a cannot-link
/// decision is rebuilt from the links the matcher accepted inside it (decision `linked` or `alreadyLinked`),
/// strongest first, after the must-link decisions have joined their clusters. No join may put the
/// two records of a cannot-link decision into one cluster. So:
/// - a must-link pair always ends in one cluster (unless a cannot-link forbids it: see
///   ``ConstrainedClustering/conflicting``), even where the matcher's guards kept it apart;
/// - a cannot-link pair never ends in one cluster: the cluster that held it splits along the
///   weakest links that joined the two sides (the strongest evidence is kept together);
/// - clusters no decision touches are exactly the matcher's.
///
/// Pure and deterministic: ties are broken by record indices.
package enum ReviewConstraints {
    /// The constrained clustering of `result`'s records.
    package static func apply(_ constraints: [PairConstraint], to result: LinkResult) -> ConstrainedClustering {
        guard !constraints.isEmpty else {
            // The matcher's children already are sorted clusters ordered by their smallest key.
            return ConstrainedClustering(
                clusters: result.children.map(\.records), mergesMade: [], splitsMade: [], conflicting: [], notInRun: 0)
        }
        var edges: [(weight: Double, a: Int, b: Int, constraint: PairConstraint?)] = []
        var cannot: [(Int, Int)] = []
        var resolved: [(constraint: PairConstraint, a: Int, b: Int)] = []
        var notInRun = 0
        for constraint in Set(constraints).sorted(by: { ($0.first, $0.second) < ($1.first, $1.second) }) {
            guard let a = result.index(of: constraint.first), let b = result.index(of: constraint.second) else {
                notInRun += 1
                continue
            }
            resolved.append((constraint, a, b))
            switch constraint.kind {
            case .mustLink: edges.append((.infinity, a, b, constraint))
            case .cannotLink: cannot.append((a, b))
            }
        }
        // Clusters holding both records of a cannot-link are rebuilt from their links; every other
        // cluster is kept whole, exactly as the matcher made it.
        let split = Set(
            cannot.filter { result.childOfRecord[$0.0] == result.childOfRecord[$0.1] }.map {
                result.childOfRecord[$0.0]
            })
        var sets = ConstrainedSets(count: result.records.count, cannotLink: cannot)
        for (index, child) in result.children.enumerated() where !split.contains(index) {
            let members = child.records.compactMap(result.index(of:))
            for member in members.dropFirst() { _ = sets.join(members[0], member) }
        }
        for pair in result.pairs where pair.decision.isLink && split.contains(result.childOfRecord[pair.first]) {
            edges.append((pair.weight, pair.first, pair.second, nil))
        }
        edges.sort { ($0.weight, $1.a, $1.b) > ($1.weight, $0.a, $0.b) }
        var conflicting: [PairConstraint] = []
        for edge in edges where !sets.join(edge.a, edge.b) {
            if let constraint = edge.constraint { conflicting.append(constraint) }
        }
        let clusters = sets.clusters(keys: result.records.map(\.key))
        let (merges, splits) = changes(resolved, matcher: result, sets: &sets)
        return ConstrainedClustering(
            clusters: clusters, mergesMade: merges, splitsMade: splits, conflicting: conflicting, notInRun: notInRun)
    }

    /// The decisions that changed the matcher's clustering: must-links across its clusters, and
    /// cannot-links inside them.
    private static func changes(
        _ resolved: [(constraint: PairConstraint, a: Int, b: Int)], matcher result: LinkResult,
        sets: inout ConstrainedSets
    ) -> (merges: [PairConstraint], splits: [PairConstraint]) {
        var merges: [PairConstraint] = []
        var splits: [PairConstraint] = []
        for (constraint, a, b) in resolved {
            let together = result.childOfRecord[a] == result.childOfRecord[b]
            let nowTogether = sets.root(a) == sets.root(b)
            if constraint.kind == .mustLink, !together, nowTogether { merges.append(constraint) }
            if constraint.kind == .cannotLink, together, !nowTogether { splits.append(constraint) }
        }
        return (merges, splits)
    }
}

/// Union–find that refuses a union putting both records of a cannot-link pair in one set.
struct ConstrainedSets {
    private var sets: UnionFind
    /// Per root, the cannot-link partners (record indices) of its members.
    private var forbidden: [Int: [Int]] = [:]

    init(count: Int, cannotLink: [(Int, Int)]) {
        sets = UnionFind(count: count)
        for (a, b) in cannotLink {
            forbidden[a, default: []].append(b)
            forbidden[b, default: []].append(a)
        }
    }

    mutating func root(_ element: Int) -> Int { sets.root(element) }

    /// Joins the sets of `a` and `b`; `false` when a cannot-link forbids it (already joined counts as joined).
    mutating func join(_ a: Int, _ b: Int) -> Bool {
        let rootA = root(a)
        let rootB = root(b)
        if rootA == rootB { return true }
        let partnersA = forbidden[rootA] ?? []
        let partnersB = forbidden[rootB] ?? []
        let (small, other) = partnersA.count <= partnersB.count ? (partnersA, rootB) : (partnersB, rootA)
        for partner in small where root(partner) == other { return false }
        let (big, little) = sets.union(rootA, rootB)
        if let moved = forbidden.removeValue(forKey: little) { forbidden[big, default: []] += moved }
        return true
    }

    /// The sets as sorted clusters of keys, ordered by their smallest key (`keys` is sorted).
    mutating func clusters(keys: [RecordKey]) -> [[RecordKey]] {
        var indexOfRoot: [Int: Int] = [:]
        var clusters: [[RecordKey]] = []
        for (record, key) in keys.enumerated() {
            let root = root(record)
            if let index = indexOfRoot[root] {
                clusters[index].append(key)
            } else {
                indexOfRoot[root] = clusters.count
                clusters.append([key])
            }
        }
        return clusters
    }
}
