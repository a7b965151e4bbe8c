import VigilLists

/// What a customer screening asks: a name and the KYC attributes that can raise or lower a score.
public struct ScreeningQuery: Sendable, Equatable {
    public var name: String
    /// "male" / "female" (also "m"/"f"), or nil.
    public var gender: String?
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var birthDate: String?
    /// ISO 3166 alpha-2 or a country name.
    public var nationality: String?
    public var idNumber: String?

    public init(name: String, gender: String? = nil, birthDate: String? = nil, nationality: String? = nil, idNumber: String? = nil) {
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.nationality = nationality
        self.idNumber = idNumber
    }
}

/// One listed entity found for a query.
public struct Match: Sendable {
    public var entity: Entity
    /// The listed name (primary or alias) that matched best.
    public var matchedName: String
    /// Calibrated score 0...1; `>= threshold` is an alert.
    public var score: Double
    public var explanation: Explanation
    /// The entity's `Entity.contentHash`, as the index stores it (reviewers' decisions name it).
    public var entityHash: String
}
