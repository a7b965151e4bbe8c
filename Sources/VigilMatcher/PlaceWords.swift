import VigilLists

/// Countries, nationalities and continents as one word (`china`, `swiss`, `schweiz`, `europe`), and the
/// words that say "branch": in an organisation's name a place one side adds is a branch or a subsidiary
/// of the same name (`Deutsche Bank (Schweiz) AG`, `Faberlic Europe`, `Al-Haramain: Bangladesh Branch`);
/// another place instead is another company.
enum PlaceWords {
    /// One-word names of countries and regions as companies write them in their own languages, which
    /// `Countries` (English names, codes, adjectives) lacks.
    static let native: Set<String> = [
        "schweiz", "suisse", "svizzera", "deutschland", "osterreich", "oesterreich", "espana", "italia", "nederland",
        "belgique", "belgie", "polska", "rossiya", "rossii", "brasil", "sverige", "norge", "danmark", "suomi",
        "hellas", "magyarorszag", "hrvatska", "srbija", "ceska", "slovensko", "ukraina", "bharat", "nippon",
        "zhongguo", "misr", "europe", "europa", "european", "asia", "asian", "africa", "african",
        "americas", "latam", "emea", "apac", "nordic", "nordics", "scandinavia", "benelux", "mena", "gulf", "pacific",
        "eurasia", "caribbean", "arabia",
    ]

    /// Words that make an organisation's name a part of another: `Al-Haramain: Bangladesh Branch`.
    static let branchWords: Set<String> = ["branch", "branches", "office", "subsidiary", "division", "representative", "filiale", "succursale"]

    /// Whether `token` (folded ASCII, as normalized) names a place on its own. Codes (`de`, `usa`) are
    /// not: two and three letters are initials, legal forms and names.
    static func contains(_ token: String) -> Bool {
        guard token.utf8.count >= 4 else { return false }
        return native.contains(token) || branchWords.contains(token) || Countries.oneWordNames.contains(token)
    }
}
