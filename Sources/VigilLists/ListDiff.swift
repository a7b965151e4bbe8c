/// What happened to one entity between two list versions.
public enum EntityChangeKind: String, Sendable, Codable, CaseIterable {
    case added
    case removed
    case changed
}

/// One entity that was added, removed or changed between two list versions.
public struct EntityDiff: Sendable, Equatable {
    public var change: EntityChangeKind
    /// The entity's stable id, `<list>:<key>`.
    public var id: String
    /// The entity as it was (nil when added) and as it is (nil when removed).
    public var old: Entity?
    public var new: Entity?
    /// `contentHash` of `old` and `new` (nil where that side is absent).
    public var oldHash: String?
    public var newHash: String?
    /// For `changed`, the fields that differ, in `EntityField.allCases` order; empty otherwise.
    public var fields: [FieldChange]

    /// The newer version's entity, or the removed one.
    public var entity: Entity { (new ?? old)! }
    public var list: String { entity.list }
    /// The primary name (newer version's where both exist).
    public var name: String { entity.primaryName }
}

/// The difference between two entity sets, matched by stable id (`Entity.id`).
///
/// An entity is *changed* when its screening-relevant content differs (`Entity.contentHash`; see
/// `EntityField` for the fields that count); a change only in remarks or listing date is not one.
/// Entity ids are unique within a loaded list; if one repeats, the first occurrence is compared and
/// the id is reported in `duplicateOldIDs` / `duplicateNewIDs` rather than dropped silently.
public struct ListDiff: Sendable {
    /// Added, removed and changed entities, ordered by id (UTF-8 byte order), whatever the input order.
    public var entries: [EntityDiff]
    /// Entities present in both with the same content.
    public var unchangedCount: Int
    public var oldCount: Int
    public var newCount: Int
    /// Ids that occur more than once in the old / new set, sorted.
    public var duplicateOldIDs: [String]
    public var duplicateNewIDs: [String]

    /// Compares two entity sets.
    /// - Parameters:
    ///   - old: the earlier version's entities.
    ///   - new: the later version's entities.
    /// - Complexity: O((n + m) log(n + m)) for n old and m new entities, plus hashing their content.
    public init(old: [Entity], new: [Entity]) {
        let (oldByID, oldDup) = Self.index(old)
        let (newByID, newDup) = Self.index(new)
        var entries: [EntityDiff] = []
        var unchanged = 0
        for (id, o) in oldByID where newByID[id] == nil {
            entries.append(EntityDiff(change: .removed, id: id, old: o, new: nil, oldHash: o.contentHash, newHash: nil, fields: []))
        }
        for (id, n) in newByID {
            guard let o = oldByID[id] else {
                entries.append(EntityDiff(change: .added, id: id, old: nil, new: n, oldHash: nil, newHash: n.contentHash, fields: []))
                continue
            }
            let oc = EntityContent(o), nc = EntityContent(n)
            let fields = FieldChange.changes(from: oc, to: nc)
            if fields.isEmpty {
                unchanged += 1
            } else {
                entries.append(EntityDiff(change: .changed, id: id, old: o, new: n, oldHash: oc.sha256, newHash: nc.sha256, fields: fields))
            }
        }
        self.entries = entries.sorted { EntityContent.utf8Less($0.id, $1.id) }
        unchangedCount = unchanged
        oldCount = old.count
        newCount = new.count
        duplicateOldIDs = oldDup
        duplicateNewIDs = newDup
    }

    /// The entries of one kind, in id order.
    public func entries(_ kind: EntityChangeKind) -> [EntityDiff] { entries.filter { $0.change == kind } }

    /// How many entries of one kind.
    public func count(_ kind: EntityChangeKind) -> Int { entries.reduce(0) { $0 + ($1.change == kind ? 1 : 0) } }

    /// True when nothing was added, removed or changed.
    public var isEmpty: Bool { entries.isEmpty }

    /// Entities by id, first occurrence kept, and the sorted ids that repeat.
    private static func index(_ entities: [Entity]) -> ([String: Entity], [String]) {
        var byID: [String: Entity] = [:]
        byID.reserveCapacity(entities.count)
        var dup = Set<String>()
        for e in entities {
            if byID[e.id] == nil { byID[e.id] = e } else { dup.insert(e.id) }
        }
        return (byID, dup.sorted(by: EntityContent.utf8Less))
    }
}
