/// The gender of Latin-script given names that are only ever male or only ever female
/// (`GivenNameGenders`): Antonio and Antonia, Martin and Martina, Said and Saida are one letter apart
/// and two different people.
public enum GivenNames {
    public enum Gender: UInt8, Sendable { case unknown = 0, male, female }

    static let genders: [String: Gender] = {
        var table: [String: Gender] = [:]
        for (packed, gender) in [(GivenNameGenders.male, Gender.male), (GivenNameGenders.female, .female)] {
            for name in packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table[String(name)] = gender }
        }
        return table
    }()

    /// The gender of a folded token when it is a given name of one gender only; `.unknown` otherwise.
    public static func gender(of token: [UInt8]) -> Gender {
        guard token.count >= 3 else { return .unknown }
        return genders[String(decoding: token, as: UTF8.self)] ?? .unknown
    }
}
