/// A name's sides with the forms they point to: `NameScorer.Side.form` is unowned (no reference
/// counting in the scoring loop), so sides are used only while their `SidedName` is alive.
struct SidedName {
    /// As weighed against an organisation's names: legal forms weigh a fifth (`Matcher.damp`), and the
    /// titles taken off the name follow its tokens.
    let sides: [NameScorer.Side]
    /// As weighed against a person's: legal forms are initials or names there, and weigh in full.
    let personSides: [NameScorer.Side]
    /// The forms of the name's tokens, then of its titles (the sides point to them unowned).
    let forms: [TokenForm]

    func sides(forPerson isPerson: Bool) -> [NameScorer.Side] { isPerson ? personSides : sides }

    func withBuffers<T>(_ body: (QueryBuffers) -> T) -> T {
        sides.withUnsafeBufferPointer { o in personSides.withUnsafeBufferPointer { p in body(QueryBuffers(organisation: o, person: p)) } }
    }
}

/// A query's sides as buffers, one weighing per kind of listed name (`SidedName`).
struct QueryBuffers {
    let organisation: UnsafeBufferPointer<NameScorer.Side>
    let person: UnsafeBufferPointer<NameScorer.Side>

    @inline(__always)
    func of(_ record: ListedNames.Record) -> UnsafeBufferPointer<NameScorer.Side> { record.isPerson ? person : organisation }
}
