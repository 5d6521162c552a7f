/// The naming cultures of the borough's families, with their share of the cohort.
enum Culture: Int, Sendable, CaseIterable {
    case whiteBritish, irishTraveller, pakistani, romaSlovak, romaCzech, romanian, polish, blackAfrican
    case mixed, otherAsian

    /// Share of households (cohort of children known to the four services).
    var householdWeight: Double {
        switch self {
        case .whiteBritish: 70
        case .irishTraveller: 0.8
        case .pakistani: 9
        case .romaSlovak: 5.5
        case .romaCzech: 1.5
        case .romanian: 2.5
        case .polish: 3
        case .blackAfrican: 2.2
        case .mixed: 4
        case .otherAsian: 1.5
        }
    }

    /// DfE ethnicity codes the family's children are recorded with, weighted.
    var ethnicities: [(String, Double)] {
        switch self {
        case .whiteBritish: [("WBRI", 97), ("WOTH", 1), ("WIRI", 2)]
        case .irishTraveller: [("WIRT", 1)]
        case .pakistani: [("APKN", 1)]
        case .romaSlovak, .romaCzech: [("WROM", 75), ("WOTH", 25)]
        case .romanian: [("WOTH", 75), ("WROM", 25)]
        case .polish: [("WOTH", 1)]
        case .blackAfrican: [("BAFR", 1)]
        case .mixed: [("MWBC", 45), ("MWAS", 35), ("MWBA", 10), ("MOTH", 10)]
        case .otherAsian: [("AOTH", 50), ("OOTH", 35), ("ABAN", 15)]
        }
    }

    /// Whether families of this culture are often recent, mobile arrivals (temporary UPNs,
    /// moves of address, CME referrals).
    var isRecentArrival: Bool {
        switch self {
        case .romaSlovak, .romaCzech, .romanian, .polish: true
        default: false
        }
    }

    /// Whether surnames take a feminine form (-ová, -ská) for girls.
    var hasFeminineSurnames: Bool {
        switch self {
        case .romaSlovak, .romaCzech, .polish: true
        default: false
        }
    }

    /// Boys' forenames.
    var boys: [String] { NameData.boys[rawValue] }
    /// Girls' forenames.
    var girls: [String] { NameData.girls[rawValue] }
    /// Surnames as (masculine, feminine) forms.
    var surnames: [(String, String)] { NameData.surnames[rawValue] }
}

/// Name pools per culture, indexed by `Culture.rawValue`.
enum NameData {
    static let boys: [[String]] = [
        // White British
        [
            "Oliver", "Jack", "Harry", "Charlie", "Thomas", "Jacob", "Alfie", "Riley", "William", "James",
            "Joshua", "George", "Ethan", "Noah", "Samuel", "Daniel", "Oscar", "Max", "Mason", "Logan", "Lucas",
            "Tyler", "Dylan", "Kyle", "Liam", "Callum", "Connor", "Jayden", "Kai", "Lewis", "Ryan", "Bradley",
            "Alexander", "Benjamin", "Matthew", "Joseph", "Luke", "Harvey", "Leo", "Archie", "Reece", "Jordan",
            "Brandon", "Corey", "Kian", "Declan", "Nathan", "Aaron", "Christopher", "Michael", "Jamie", "Ellis",
            "Frankie", "Tommy", "Jake", "Owen", "Cameron", "Kieran", "Shane", "Lee", "Edward", "Henry", "Freddie",
            "Finley", "Mackenzie", "Reuben", "Stanley", "Toby", "Zak", "Bailey",
        ],
        // Irish Traveller
        ["Patrick", "John", "Michael", "Martin", "Tom", "Johnny", "Paddy", "Francis", "Jimmy", "Christy", "Dan"],
        // Pakistani
        [
            "Muhammad", "Mohammed", "Ali", "Hamza", "Ibrahim", "Yusuf", "Zain", "Ayaan", "Rayyan", "Abdullah",
            "Haris", "Bilal", "Usman", "Hassan", "Hussain", "Imran", "Zakariya", "Idris", "Amir", "Faisal",
            "Adnan", "Umar", "Ahmed", "Rehan", "Saad", "Subhan", "Arham", "Musa",
        ],
        // Roma, Slovak
        [
            "Štefan", "Dušan", "Jozef", "Ján", "Marek", "Tomáš", "Lukáš", "Patrik", "Dominik", "Matej",
            "Kristián", "Roman", "Milan", "Peter", "Martin", "Erik", "René", "Denis", "Radoslav", "Ľubomír",
            "Daniel", "Adam", "Filip", "Samuel", "Vladimír", "Rastislav",
        ],
        // Roma, Czech
        ["Josef", "Jan", "Tomáš", "Lukáš", "Jiří", "Matěj", "Ondřej", "Pavel", "Radek", "Dominik", "David", "Vojtěch"],
        // Romanian
        [
            "Ionuț", "Ștefan", "Andrei", "Alexandru", "Mihai", "Gabriel", "Florin", "Marius", "Cristian",
            "Răzvan", "Darius", "David", "Luca", "Matei", "Vlad", "Bogdan", "Costel", "Ionel",
        ],
        // Polish
        [
            "Łukasz", "Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Bartosz", "Michał", "Wojciech", "Oskar",
            "Antoni", "Paweł", "Dawid", "Krzysztof", "Piotr", "Tomasz",
        ],
        // Black African
        [
            "Emmanuel", "David", "Daniel", "Samuel", "Joshua", "Chidi", "Kwame", "Tobi", "Abdi", "Mohamed",
            "Isaac", "Favour", "Divine",
        ],
        // Mixed: mostly the White British pool plus a few
        [
            "Tyrese", "Jayden", "Kai", "Malachi", "Isaiah", "Reggie", "Zayn", "Jacob", "Riley", "Tyler",
            "Marley", "Elijah", "Ashton", "Lennox", "Alexander", "William",
        ],
        // Other Asian / other
        ["Karwan", "Aram", "Omar", "Yousef", "Ahmad", "Rawand", "Shafiq", "Rahim", "Sami", "Hamid", "Arian"],
    ]

    static let girls: [[String]] = [
        [
            "Olivia", "Amelia", "Emily", "Isla", "Ava", "Jessica", "Poppy", "Isabella", "Sophie", "Mia", "Ruby",
            "Lily", "Grace", "Evie", "Ella", "Chloe", "Megan", "Lauren", "Charlotte", "Katie", "Holly", "Paige",
            "Leah", "Courtney", "Demi", "Kayleigh", "Shannon", "Jade", "Amber", "Bethany", "Abigail", "Hannah",
            "Libby", "Millie", "Summer", "Scarlett", "Katherine", "Elizabeth", "Rebecca", "Jasmine", "Caitlin",
            "Tia", "Kacey", "Lacey", "Madison", "Eleanor", "Victoria", "Alexandra", "Samantha", "Jennifer",
            "Ellie", "Layla", "Lola", "Maisie", "Freya", "Phoebe", "Niamh", "Keeley", "Tegan", "Jodie",
        ],
        ["Bridget", "Mary", "Margaret", "Kathleen", "Nora", "Bridie", "Josie", "Winnie", "Ellen", "Shauna"],
        [
            "Aisha", "Maryam", "Fatima", "Zara", "Hafsa", "Amina", "Khadija", "Zainab", "Sana", "Iqra",
            "Alisha", "Hira", "Ayesha", "Mariam", "Noor", "Safa", "Eman", "Mahnoor", "Laiba", "Hania", "Inaaya",
        ],
        [
            "Žaneta", "Veronika", "Nikola", "Simona", "Denisa", "Monika", "Natália", "Kristína", "Vanesa",
            "Klaudia", "Petra", "Lucia", "Alžbeta", "Andrea", "Dominika", "Romana", "Silvia", "Jana", "Renáta",
            "Aneta", "Sabína", "Margita",
        ],
        ["Tereza", "Kateřina", "Veronika", "Nikola", "Adéla", "Markéta", "Žaneta", "Denisa", "Barbora", "Lucie"],
        [
            "Maria", "Ioana", "Elena", "Andreea", "Alexandra", "Bianca", "Denisa", "Larisa", "Diana", "Ana",
            "Daria", "Raluca", "Mădălina", "Ștefania", "Roxana", "Florentina",
        ],
        [
            "Zuzanna", "Julia", "Maja", "Zofia", "Wiktoria", "Aleksandra", "Natalia", "Oliwia", "Hanna", "Łucja",
            "Małgorzata", "Agnieszka", "Weronika", "Karolina",
        ],
        [
            "Blessing", "Precious", "Grace", "Favour", "Esther", "Abigail", "Amara", "Chioma", "Hodan", "Ayan",
            "Deborah",
        ],
        [
            "Aaliyah", "Tia", "Leah", "Jada", "Nevaeh", "Imani", "Skye", "Layla", "Mia", "Ruby", "Maya", "Amelia",
            "Sienna", "Kiera",
        ],
        ["Shilan", "Rozhin", "Dilan", "Sara", "Lana", "Yasmin", "Hana", "Tara", "Rayan", "Shirin"],
    ]

    static let surnames: [[(String, String)]] = [
        [
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
            "Hughes", "Shaw", "Turner", "Hill", "Moore", "Cooper", "Ward", "Harrison", "Marshall", "Atkinson",
            "Bradley", "Cartwright", "Hirst", "Hepworth", "Oldfield", "Booth", "Fletcher", "Senior", "Bramley",
            "Beever", "Crossland", "Dyson", "Hague", "Kaye", "Lockwood", "Mellor", "Pickering", "Sykes", "Swift",
            "Rhodes", "Barker", "Brook", "Cawthorne", "Gill", "Hinchliffe", "Ibbotson", "Jessop", "Mosley",
            "Stringer", "Uttley", "Whitehead", "Walton", "O'Brien", "O'Neill", "McDonald", "Parkin", "Staniforth",
            "Bagshaw", "Hardcastle", "Wragg", "Haigh", "Firth", "Shepherd", "Lister", "Bailey", "Chapman",
        ].map { ($0, $0) },
        ["McDonagh", "Ward", "Joyce", "O'Donnell", "Connors", "Maughan", "Doherty", "Gaskin", "Price", "Stokes"]
            .map { ($0, $0) },
        [
            "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Rashid", "Shah", "Bibi", "Hanif",
            "Javed", "Malik", "Nawaz", "Riaz", "Sadiq", "Siddique", "Yousaf", "Zaman", "Butt", "Aslam", "Bashir",
            "Rehman", "Qureshi", "Ashraf",
        ].map { ($0, $0) },
        [
            ("Horváth", "Horváthová"), ("Kováč", "Kováčová"), ("Lakatoš", "Lakatošová"), ("Baláž", "Balážová"),
            ("Oláh", "Oláhová"), ("Gaži", "Gažiová"), ("Červeňák", "Červeňáková"), ("Dužda", "Duždová"),
            ("Kaleja", "Kalejová"), ("Pompa", "Pompová"), ("Rác", "Rácová"), ("Berky", "Berkyová"),
            ("Dano", "Danová"), ("Bandy", "Bandyová"), ("Sivák", "Siváková"), ("Mižigár", "Mižigárová"),
            ("Gábor", "Gáborová"), ("Tancoš", "Tancošová"), ("Žiga", "Žigová"), ("Husár", "Husárová"),
            ("Demeter", "Demeterová"), ("Koky", "Kokyová"), ("Ferko", "Ferková"), ("Pešta", "Peštová"),
        ],
        [
            ("Dvořák", "Dvořáková"), ("Novák", "Nováková"), ("Procházka", "Procházková"), ("Horváth", "Horváthová"),
            ("Kučera", "Kučerová"), ("Bílý", "Bílá"), ("Růžička", "Růžičková"), ("Holub", "Holubová"),
        ],
        [
            "Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Stoica", "Gheorghe", "Constantin", "Rusu",
            "Munteanu", "Lăcătuș", "Mihăilă", "Țurcanu", "Căldăraru", "Moldovan", "Radu", "Nistor", "Sârbu",
        ].map { ($0, $0) },
        [
            ("Wiśniewski", "Wiśniewska"), ("Kowalski", "Kowalska"), ("Nowak", "Nowak"), ("Wójcik", "Wójcik"),
            ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
            ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"),
            ("Kozłowski", "Kozłowska"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"), ("Jankowski", "Jankowska"),
        ],
        [
            "Okafor", "Adeyemi", "Mensah", "Osei", "Mohamed", "Abdi", "Hassan", "Okonkwo", "Nwosu", "Boateng",
            "Farah", "Warsame",
        ].map { ($0, $0) },
        [
            "Smith", "Campbell", "Williams", "Brown", "Thompson", "Walker", "Khan", "Hussain", "Grant", "Wilson",
            "Taylor", "Francis", "Bennett", "Johnson",
        ].map { ($0, $0) },
        ["Mohammed", "Rasul", "Aziz", "Hama", "Karim", "Ahmadi", "Rahimi", "Miah", "Uddin", "Salih"].map { ($0, $0) },
    ]

    /// Pairs of similar forenames that parents give twins (same sex), tried before a random pair.
    static let similarTwinNames: [(String, String, Bool)] = [
        ("Jayden", "Jaden", true), ("Harvey", "Harley", true), ("Kacey", "Lacey", false),
        ("Ellie", "Ella", false), ("Layla", "Lola", false), ("Hassan", "Hussain", true), ("Mia", "Maya", false),
        ("Dušan", "Dominik", true), ("Aiden", "Jayden", true), ("Ruby", "Rosie", false),
        ("Kian", "Kyle", true), ("Lukáš", "Tomáš", true), ("Amber", "Amelia", false), ("Zain", "Zayn", true),
    ]
}
