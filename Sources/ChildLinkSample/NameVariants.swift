/// The ways a name is written differently from one record to the next: short forms, anglicised
/// forms, lost diacritics, dropped feminine endings and keyboard slips.
enum NameVariants {
    /// Short, familiar and anglicised forms of forenames.
    static let forenameForms: [String: [String]] = [
        "William": ["Will", "Bill", "Billy"], "Katherine": ["Kate", "Katie", "Kath"],
        "Alexander": ["Alex", "Xander"], "Elizabeth": ["Liz", "Beth", "Lizzie"], "Thomas": ["Tom", "Tommy"],
        "James": ["Jim", "Jamie"], "Joshua": ["Josh"], "Samuel": ["Sam", "Sammy"], "Daniel": ["Dan", "Danny"],
        "Benjamin": ["Ben"], "Matthew": ["Matt"], "Joseph": ["Joe", "Joey"], "Christopher": ["Chris"],
        "Michael": ["Mike", "Mikey"], "Nathan": ["Nate"], "Jessica": ["Jess"], "Rebecca": ["Becky", "Becca"],
        "Abigail": ["Abbie", "Abi"], "Victoria": ["Vicky", "Tori"], "Samantha": ["Sam", "Sammie"],
        "Jennifer": ["Jenny", "Jen"], "Alexandra": ["Alex", "Lexi"], "Charlotte": ["Lottie", "Charlie"],
        "Isabella": ["Bella", "Izzy"], "Eleanor": ["Ellie", "Nell"], "Olivia": ["Liv", "Livvy"],
        "Amelia": ["Millie"], "Jacob": ["Jake"], "Edward": ["Ed", "Eddie"], "Frederick": ["Fred"],
        "Jayden": ["Jaden", "Jaiden"], "Kayleigh": ["Kayley", "Kaylee"], "Lacey": ["Lacie"],
        "Callum": ["Calum"], "Bethany": ["Beth"], "Megan": ["Meg"], "Cameron": ["Cam"],
        "Muhammad": ["Mohammed", "Mohammad", "Muhammed"], "Mohammed": ["Muhammad", "Mohammad"],
        "Ayesha": ["Aisha"], "Maryam": ["Mariam"], "Zakariya": ["Zakaria", "Zak"], "Yusuf": ["Yousuf", "Joseph"],
        "Ibrahim": ["Ebrahim"], "Abdullah": ["Abdulla"], "Umar": ["Omar"],
        "Jozef": ["Josef", "Joe", "Joseph"], "Josef": ["Jozef", "Joe"], "Štefan": ["Stefan", "Steven", "Stephen"],
        "Ján": ["Jan", "John"], "Jan": ["John"], "Tomáš": ["Tomas", "Tom"], "Lukáš": ["Lukas", "Luke"],
        "Matej": ["Matthew", "Matěj"], "Matěj": ["Matej", "Matthew"], "Peter": ["Petr", "Pete"],
        "Kristián": ["Kristian", "Christian"], "Ľubomír": ["Lubomir", "Lubo"], "Jiří": ["Jiri", "George"],
        "Ondřej": ["Ondrej", "Andrew"], "Pavel": ["Paul"], "Vojtěch": ["Vojta"], "Dušan": ["Dusan"],
        "Vladimír": ["Vlado", "Vladimir"], "Rastislav": ["Rasťo", "Rasto"], "Radoslav": ["Rado"],
        "Žaneta": ["Zaneta", "Janet"], "Alžbeta": ["Alzbeta", "Elizabeth"], "Kristína": ["Kristina", "Christina"],
        "Natália": ["Natalia", "Natalie"], "Vanesa": ["Vanessa"], "Klaudia": ["Claudia"], "Lucia": ["Lucy"],
        "Veronika": ["Veronica"], "Renáta": ["Renata"], "Sabína": ["Sabina"], "Margita": ["Margaret"],
        "Kateřina": ["Katerina", "Katie"], "Tereza": ["Teresa"], "Markéta": ["Marketa"], "Adéla": ["Adela"],
        "Ionuț": ["Ionut", "Ion"], "Ștefan": ["Stefan", "Steven"], "Alexandru": ["Alex", "Alexander"],
        "Andreea": ["Andrea"], "Mădălina": ["Madalina"], "Ștefania": ["Stefania"], "Răzvan": ["Razvan"],
        "Mihai": ["Michael"], "Ioana": ["Joanna"], "Florentina": ["Florina"],
        "Łukasz": ["Lukasz", "Luke"], "Aleksandra": ["Alexandra", "Ola"], "Michał": ["Michal", "Michael"],
        "Paweł": ["Pawel", "Paul"], "Wojciech": ["Wojtek"], "Zuzanna": ["Zuza", "Susanna"],
        "Wiktoria": ["Victoria"], "Małgorzata": ["Malgorzata", "Gosia"], "Łucja": ["Lucja", "Lucy"],
        "Krzysztof": ["Chris"], "Jakub": ["Kuba", "Jacob"], "Piotr": ["Peter"], "Dawid": ["David"],
        "Mateusz": ["Matthew"], "Kacper": ["Casper"], "Oliwia": ["Olivia"], "Weronika": ["Veronica"],
        "Chidi": ["Chidiebere"], "Tobi": ["Tobias"],
    ]

    /// Letters with diacritics and their plain forms.
    static let plainLetters: [Character: String] = {
        let pairs = [
            "áa", "äa", "ăa", "âa", "ąa", "čc", "ćc", "ďd", "ée", "ěe", "ęe", "íi", "îi", "ĺl", "ľl", "łl",
            "ňn", "ńn", "óo", "ôo", "ŕr", "řr", "šs", "śs", "șs", "şs", "ťt", "țt", "ţt", "úu", "ůu", "ýy",
            "žz", "źz", "żz",
        ]
        var map: [Character: String] = [:]
        for pair in pairs {
            let letters = Array(pair)
            map[letters[0]] = String(letters[1])
            map[Character(String(letters[0]).uppercased())] = String(letters[1]).uppercased()
        }
        return map
    }()

    /// QWERTY neighbours of each lower-case letter, for typing slips.
    static let keyboardNeighbours: [Character: [Character]] = [
        "q": ["w", "a"], "w": ["q", "e", "s"], "e": ["w", "r", "d"], "r": ["e", "t", "f"], "t": ["r", "y", "g"],
        "y": ["t", "u", "h"], "u": ["y", "i", "j"], "i": ["u", "o", "k"], "o": ["i", "p", "l"], "p": ["o", "l"],
        "a": ["q", "s", "z"], "s": ["a", "d", "w"], "d": ["s", "f", "e"], "f": ["d", "g", "r"],
        "g": ["f", "h", "t"], "h": ["g", "j", "y"], "j": ["h", "k", "u"], "k": ["j", "l", "i"], "l": ["k", "o"],
        "z": ["x", "a"], "x": ["z", "c"], "c": ["x", "v"], "v": ["c", "b"], "b": ["v", "n"], "n": ["b", "m"],
        "m": ["n", "k"],
    ]

    /// Whether the name holds any letter with a diacritic.
    static func hasDiacritics(_ name: String) -> Bool {
        name.contains { plainLetters[$0] != nil }
    }

    /// The name with diacritics removed (`Horváthová` → `Horvathova`).
    static func withoutDiacritics(_ name: String) -> String {
        guard hasDiacritics(name) else { return name }
        var result = ""
        result.reserveCapacity(name.utf8.count)
        for character in name {
            if let plain = plainLetters[character] { result += plain } else { result.append(character) }
        }
        return result
    }

    /// A feminine surname without its ending (`Horváthová` → `Horváth`), or `nil`.
    static func withoutFeminineEnding(_ surname: String) -> String? {
        for ending in ["ová", "ova"] where surname.hasSuffix(ending) && surname.count > 5 {
            return String(surname.dropLast(ending.count))
        }
        return nil
    }

    /// One typing slip: a neighbouring key, a dropped letter, a doubled letter or two letters
    /// swapped. The first letter is kept, as it usually is.
    static func typo(_ name: String, random: inout SampleRandom) -> String {
        var letters = Array(name)
        guard letters.count >= 3 else { return name }
        let position = 1 + random.below(letters.count - 1)
        switch random.below(4) {
        case 0:
            let lower = Character(letters[position].lowercased())
            guard let neighbours = keyboardNeighbours[lower] else { return name }
            letters[position] = random.pick(neighbours)
        case 1:
            letters.remove(at: position)
        case 2:
            letters.insert(letters[position], at: position)
        default:
            guard position + 1 < letters.count else { return name }
            letters.swapAt(position, position + 1)
        }
        return String(letters)
    }
}
