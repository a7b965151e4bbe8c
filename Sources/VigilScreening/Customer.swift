import VigilLists
import VigilMatcher

/// A customer as KYC describes them: the nine identification elements plus birth date and id.
public struct Customer: Sendable, Equatable {
    public var id: String
    public var name: String
    public var gender: String?
    public var birthDate: String?
    public var nationality: String?
    public var occupation: String?
    public var address: String?
    public var contact: String?
    public var idType: String?
    public var idNumber: String?
    public var idExpiry: String?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    public var query: ScreeningQuery {
        ScreeningQuery(name: name, gender: gender, birthDate: birthDate, nationality: nationality, idNumber: idNumber)
    }
}

/// One input row: a customer, or why the row is bad (still reported in the output, never dropped).
public struct CustomerRow: Sendable {
    /// 1-based line of the row in the input file.
    public var line: Int
    public var customer: Customer
    /// Problems with the row. A row with an error that leaves a usable name is still screened.
    public var errors: [String]

    public var isScreenable: Bool { !customer.name.trimmedWhitespace.isEmpty }
}

/// The customer fields a file may carry, with the header spellings each accepts.
public enum CustomerField: String, CaseIterable, Sendable {
    case id, name, givenName = "given_name", familyName = "family_name", gender, birthDate = "birth_date",
         nationality, occupation, address, contact, idType = "id_type", idNumber = "id_number", idExpiry = "id_expiry"

    var aliases: [String] {
        switch self {
        case .id: return ["id", "customerid", "clientid", "customer", "ref", "reference"]
        case .name: return ["name", "fullname", "customername", "clientname"]
        case .givenName: return ["givenname", "firstname", "forename", "given"]
        case .familyName: return ["familyname", "lastname", "surname", "family"]
        case .gender: return ["gender", "sex"]
        case .birthDate: return ["birthdate", "dob", "dateofbirth", "birthday"]
        case .nationality: return ["nationality", "citizenship", "country"]
        case .occupation: return ["occupation", "profession", "job"]
        case .address: return ["address", "addr"]
        case .contact: return ["contact", "phone", "email"]
        case .idType: return ["idtype", "documenttype"]
        case .idNumber: return ["idnumber", "documentnumber", "passportnumber", "nationalid"]
        case .idExpiry: return ["idexpiry", "documentexpiry", "expiry"]
        }
    }

    /// Header cell -> field: case, spaces, `_` and `-` ignored.
    static func field(forHeader header: String) -> CustomerField? {
        let key = String(String.UnicodeScalarView(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
        return allCases.first { $0.aliases.contains(key) }
    }
}
