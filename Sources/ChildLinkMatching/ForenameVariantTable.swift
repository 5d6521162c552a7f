package import ChildLinkModel

/// Forenames that name the same child: English short forms and nicknames, and the Slovak, Czech,
/// Romanian and Polish forms of a name with their anglicised versions — the built-in groups
/// (`Resources/forename-variants.txt`, compiled into the module) and any a council adds.
///
/// A name may sit in more than one group (`alex` is short for both Alexander and Alexandra); its
/// first four count. Names are folded (lower case, no diacritics), as ``TextFolding`` produces them.
package struct ForenameVariantTable: Sendable, Hashable {
    /// Folded name → the numbers of the groups it belongs to, in group order.
    private let groupsByName: [[UInt8]: [Int32]]
    /// Each group's first letter of its first name: the full, registered form (Edward for Ted and
    /// Teddy, Alexander for Sasha), as the groups are written.
    private let formalInitials: [UInt8]

    /// The table of `list`'s groups, numbered in order.
    /// - Precondition: fewer than 65,535 groups (each is packed into 16 bits).
    package init(_ list: ForenameVariantList) {
        precondition(list.groups.count < Int(UInt16.max), "too many forename-variant groups")
        var map: [[UInt8]: [Int32]] = [:]
        for (index, group) in list.groups.enumerated() {
            for name in group {
                let key = Array(name.utf8)
                if map[key]?.contains(Int32(index)) != true { map[key, default: []].append(Int32(index)) }
            }
        }
        groupsByName = map
        formalInitials = list.groups.map { $0.first?.utf8.first ?? 0 }
    }

    /// The built-in groups, with nothing added.
    package static let builtIn = ForenameVariantTable(.builtInForenameVariants)

    /// The group numbers of a folded forename (at most four), packed for the record table.
    func groupIDs(of name: [UInt8]) -> VariantGroups {
        guard let ids = groupsByName[name] else { return VariantGroups() }
        return VariantGroups(ids.prefix(4))
    }

    /// Whether `initial` (a folded letter) is that of the full form of a name in `groups` (`E`
    /// for Edward, of Teddy's groups): a register that cuts the forename to an initial cuts the
    /// registered name, where another service writes the name the child is called by.
    func isFormalInitial(_ initial: UInt8, of groups: VariantGroups) -> Bool {
        groups.contains { formalInitials[Int($0)] == initial }
    }
}

extension ForenameVariantList {
    /// ChildLink's own groups, from `Resources/forename-variants.txt` (embedded in the binary).
    package static let builtInForenameVariants: ForenameVariantList = {
        do {
            return try ForenameVariantList(
                parsing: String(decoding: PackageResources.forename_variants_txt, as: UTF8.self),
                path: "built-in forename-variants.txt")
        } catch {
            fatalError("the built-in forename variants do not parse: \(error)")
        }
    }()
}

/// Up to four forename-variant group numbers, packed into one word so records stay compact.
struct VariantGroups: Hashable, Sendable {
    /// Four 16-bit slots, each a group number plus one (0 = empty).
    private(set) var packed: UInt64 = 0

    init() {}

    init(_ ids: some Sequence<Int32>) {
        for (slot, id) in ids.prefix(4).enumerated() {
            packed |= UInt64(UInt16(truncatingIfNeeded: id + 1)) << (16 * UInt64(slot))
        }
    }

    /// Every group of `sets`, each once (the first four).
    init(union sets: some Sequence<VariantGroups>) {
        var ids: [Int32] = []
        for set in sets {
            for id in set.ids where !ids.contains(id) { ids.append(id) }
        }
        self.init(ids)
    }

    /// Whether there is no group.
    var isEmpty: Bool { packed == 0 }

    /// The group numbers.
    var ids: [Int32] {
        (0..<4).compactMap { slot in
            let value = (packed >> (16 * UInt64(slot))) & 0xFFFF
            return value == 0 ? nil : Int32(value - 1)
        }
    }

    /// Whether a group number satisfies `predicate` (without building ``ids``).
    func contains(where predicate: (Int32) -> Bool) -> Bool {
        for slot in 0..<4 {
            let value = (packed >> (16 * UInt64(slot))) & 0xFFFF
            if value == 0 { return false }
            if predicate(Int32(value - 1)) { return true }
        }
        return false
    }

    /// Whether the two share a group.
    func intersects(_ other: VariantGroups) -> Bool {
        guard packed != 0, other.packed != 0 else { return false }
        for slot in 0..<4 {
            let value = (packed >> (16 * UInt64(slot))) & 0xFFFF
            if value == 0 { break }
            for otherSlot in 0..<4 {
                let otherValue = (other.packed >> (16 * UInt64(otherSlot))) & 0xFFFF
                if otherValue == 0 { break }
                if value == otherValue { return true }
            }
        }
        return false
    }
}
