/// Ukrainian given names in Latin letters, with the Russian forms of the same names: one person is
/// listed as `Serhiy Ivanovych NEVEROV` on one list and `Sergei Ivanovich NEVEROV` on another, and
/// passports change form with the country that issued them. Ukrainian writes г as h and и as y
/// (Serhiy, Ihor, Hryhoriy), and several names differ by more than spelling (Mykola / Nikolay, Petro /
/// Pyotr, Olena / Yelena): no letter rule covers them, so the common names are listed. Spellings of
/// the national (2010), BGN and passport systems.
enum UkrainianGivenNames {
    /// Each spelling of a Ukrainian name, to the Russian form (`PhoneticKey.wordFolds`).
    static let russianForms: [String: String] = {
        let groups: [(String, String)] = [
            ("serhiy serhii serhij", "sergey"), ("oleksandr olexandr oleksander", "aleksandr"),
            ("oleksiy oleksii olexiy oleksij", "aleksey"), ("andriy andrii andrij", "andrey"), ("dmytro", "dmitriy"),
            ("mykola", "nikolay"), ("mykhaylo mykhailo", "mikhail"), ("volodymyr", "vladimir"),
            ("kostyantyn kostiantyn", "konstantin"), ("petro", "pyotr"), ("pavlo", "pavel"), ("vasyl", "vasiliy"),
            ("hryhoriy hryhorii", "grigoriy"), ("heorhiy heorhii", "georgiy"), ("ihor", "igor"), ("oleh", "oleg"),
            ("yevhen yevhenii yevheniy ievhen", "yevgeniy"), ("bohdan", "bogdan"), ("hennadiy hennadii", "gennadiy"),
            ("borys", "boris"), ("denys", "denis"), ("maksym", "maksim"), ("fedir", "fedor"), ("illia illya", "ilya"),
            ("yakiv", "yakov"),
            ("halyna", "galina"), ("olha", "olga"), ("tetiana tetyana", "tatyana"), ("kateryna", "yekaterina"),
            ("iryna", "irina"), ("liudmyla lyudmyla", "lyudmila"), ("svitlana", "svetlana"), ("olena", "yelena"),
            ("nataliia nataliya", "natalya"), ("valentyna", "valentina"), ("larysa", "larisa"), ("hanna", "anna"),
        ]
        var table: [String: String] = [:]
        for (spellings, russian) in groups { for s in spellings.split(separator: " ") { table[String(s)] = russian } }
        return table
    }()
}
