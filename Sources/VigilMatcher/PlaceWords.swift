import VigilLists
import VigilNormalization

/// Countries, nationalities and continents as one word (`china`, `swiss`, `schweiz`, `europe`), and the
/// words that say "branch": in an organisation's name a place one side adds is a branch or a subsidiary
/// of the same name (`Deutsche Bank (Schweiz) AG`, `Faberlic Europe`, `Al-Haramain: Bangladesh Branch`);
/// another place instead is another company.
enum PlaceWords {
    /// One-word names of countries and regions as companies write them in their own languages, which
    /// `Countries` (English names, codes, adjectives) lacks.
    static let native: Set<String> = [
        "schweiz", "suisse", "svizzera", "deutschland", "osterreich", "oesterreich", "espana", "italia", "nederland",
        "belgique", "belgie", "polska", "rossiya", "rossii", "turkiye", "brasil", "sverige", "norge", "danmark", "suomi",
        "hellas", "magyarorszag", "hrvatska", "srbija", "ceska", "slovensko", "romania", "ukraina", "bharat", "nippon",
        "zhongguo", "misr", "iran", "europe", "europa", "european", "asia", "asian", "africa", "african", "america",
        "americas", "latam", "emea", "apac", "nordic", "nordics", "scandinavia", "benelux", "mena", "gulf", "pacific",
        "eurasia", "caribbean", "arabia",
    ]

    /// Whether `token` (folded ASCII, as normalized) names a place on its own. Codes (`de`, `usa`) are
    /// not: two and three letters are initials, legal forms and names.
    static func contains(_ token: String) -> Bool {
        guard token.utf8.count >= 4 else { return false }
        return native.contains(token) || Vocabulary.branchWords.contains(token) || Countries.oneWordNames.contains(token)
    }
}
