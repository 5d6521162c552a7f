/// Forenames that name the same child: English short forms and nicknames, and the Slovak, Czech,
/// Romanian and Polish forms of a name with their anglicised versions.
///
/// Each group is one set of variants; a name may sit in more than one group (`alex` is short for
/// both Alexander and Alexandra). Names are written folded (lower case, no diacritics), as
/// ``TextFolding`` produces them.
enum ForenameVariants {
    /// The groups, one per line: every name in a line is a variant of every other.
    static let groups: [String] = [
        "alexander alexandr aleksander aleksandr alexandru sasha sascha alex alec alek alexei aleksy sandy xander",
        "alexandra aleksandra alexandrina sasha alex alexa ali sandra sandy lexi ola",
        "william wiliam vilem viliam wilhelm bill billy will willie willy liam wil",
        "katherine catherine kathryn katharine kathrine katarina katerina katarzyna katrina catrina ecaterina kate katie katy kathy cathy kat kasia katka kitty",
        "elizabeth elisabeth elzbieta alzbeta elisabeta eliza liz lizzie lizzy beth betty bethany libby elsie lisa ela izabela",
        "margaret margareta malgorzata marketa maggie meg megan peggy greta gosia",
        "jozef josef joseph iosif jozsef joe joey jo pepa jozo",
        "stefan stefan steven stephen stevan stepan stephan steve stevie stef",
        "jan john jon johnny jonny jack ioan ion iohan johan janko jano janek honza jenik",
        "jonathan johnathan jon jonny jonty nathan",
        "jakub jacob jakob iacob kuba jake jac",
        "james jamie jim jimmy jimi jacques",
        "michael michal mihai mihail mikhail mike mikey mick mickey misha michel miso",
        "peter petr piotr petru petre pete petey peto petko",
        "pavel pavol pawel paul paulie pavlik",
        "tomas thomas tomasz toma tom tommy tomek tomi",
        "martin marcin martyn marty tino",
        "lukas lucas luke lukasz luca lukacs",
        "matej matthew mateusz matus matei mateo matt matty matteo mat",
        "daniel danijel dan danny dani",
        "david dawid dave davey davy davide",
        "samuel sam sammy sammie samuil",
        "samantha sam sammy sammie sami",
        "christopher kristopher krystof krzysztof cristofor chris kris christy kit",
        "christina kristina krystyna cristina christine kristine chris kris tina kristyna",
        "nicholas nicolas mikulas mikolaj nicolae nick nicky nico niko",
        "nicole nicola nikola nikki nicky nicoleta",
        "anthony antony antonin anton antoni antonio tony toni",
        "andrew andrej andrzej andrei ondrej andy drew andi",
        "robert robbie rob bob bobby bert robertas",
        "richard ricardo rich richie rick ricky dick",
        "edward edvard eduard edek ed eddie eddy ted teddy ned",
        "benjamin ben benji benny benedek",
        "charles karol karel carol charlie chas chuck carl karl",
        "charlotte charlie lottie lotte carly",
        "henry henrik jindrich henryk harry hal hank",
        "harold harry hal",
        "harrison harry",
        "alfred alfie alf alfy",
        "archibald archie",
        "reginald reggie reg",
        "albert bert bertie alby",
        "stanley stan",
        "florence flo florrie",
        "wojciech wojtek",
        "christian cristian kristian krystian chris",
        "frederick fryderyk bedrich fred freddie freddy fredrick",
        "george jiri jerzy georg gheorghe georgie jorge juraj",
        "gregory grzegorz gregor grigore greg",
        "francis frantisek franciszek francisc frank frankie fran franta",
        "frances francesca frantiska fran frankie francine",
        "ladislav wladyslaw vladislav vlado laco ladislaus",
        "vladimir wlodzimierz vlad vlado vova volodymyr",
        "milan milos mil",
        "marek marcus mark marko marc marcu",
        "adam adas adamek",
        "filip philip phillip filippo phil pip",
        "vaclav wenceslas vasek",
        "roman romek",
        "radoslav radek rado radu",
        "dominik dominic dominick dom domi",
        "patrick patryk patrik pat paddy",
        "sebastian sebastien seb bastian",
        "oliver oliwer olivier ollie olly",
        "olivia oliwia liv livvy ollie",
        "emily emilia emilie emma em emmy milly millie",
        "emma ema em emmy",
        "anna ana anne ann anicka anka hanna hannah ania anya annie nan nancy",
        "maria marie mary marija mariya molly polly mia maruska marysia",
        "eva eve ewa evie evka",
        "helena helen elena ellen ellie nell nellie lena ela",
        "eleanor elinor eleanore ellie elle nell nellie nora",
        "magdalena madeleine madeline maddie magda lena",
        "zuzana susanna susannah susan suzanne zuzka sue susie suzie zuza",
        "jana jane janet janka jenny jennie joan",
        "veronika veronica ronnie nika",
        "monika monica mona",
        "lucia lucie lucy luca lu",
        "petra petronela petruta",
        "viktoria victoria wiktoria vicky vicki tori vika",
        "natalia natalie nataliya natasha nat tasha",
        "sofia sophia sophie zofia sofie sonia sofiya zosia",
        "julia julie juliana iulia jules",
        "daniela danielle dani dana",
        "gabriela gabriella gabrielle gabby gabi",
        "ivana ivanka iva",
        "ivan iwan ioan ivo",
        "renata rena",
        "denisa denise",
        "klaudia claudia",
        "karolina caroline carolina karolina carol carrie lina",
        "agnieszka agnes agneta nessa",
        "barbora barbara barbra barb babs basia",
        "dorota dorothy dorothea dot dottie dora",
        "rebecca rebeka rebekah becky becca bex",
        "jessica jess jessie jessy",
        "abigail abi abby abbie gail",
        "deborah debra debbie deb",
        "jennifer jenny jen jenna",
        "rachel rachael rach",
        "amelia amy amelie millie mia",
        "isabella isabel izabela isabelle bella izzy issy isla",
        "jasmine yasmin jasmin jaz",
        "lauren laura lori",
        "louise louisa luisa lou",
        "louis ludwik ludovic lou",
        "matilda mathilda tilly tilda",
        "penelope penny",
        "theodore teodor theo ted teddy",
        "timothy tymoteusz tim timmy",
        "zachary zac zack zak zach",
        "nathaniel nathan nate nat",
        "joshua josh",
        "ethan eitan",
        "mohammed muhammad mohammad muhammed mohamed mohamad mohammad mo",
        "ibrahim abraham avram abe",
        "yusuf yosef joseph",
        "aleksy alexei alexey alexis",
        "kevin kev",
        "gavin gav",
        "leonard leon leo lenny",
        "leo leon leonardo",
        "raymond ray",
        "ronald ron ronnie",
        "donald don donnie",
        "douglas doug",
        "terence terrence terry",
        "kenneth ken kenny",
        "lawrence laurence larry laurie",
        "cameron cam",
        "connor conor",
        "aidan aiden aydan",
        "callum calum",
        "tyler ty",
        "kayleigh kayley kaylee kaley",
        "chloe khloe",
        "zoe zoey zoya",
        "grace gracie",
        "mohammed mohammad",
        "florin florian",
        "constantin konstantin costel costin kostya",
        "dumitru dimitri dmitri dmitry",
        "vasile vasil basil",
        "gheorghe george",
        "ionut ion",
        "mircea mirek",
        "miroslav miroslaw mirek miro",
        "jaroslav jaroslaw jarek jaro",
        "boleslav boleslaw bolek",
        "stanislav stanislaw stan stanek stano",
        "bohumil bohus",
        "rudolf rudy rudi",
        "erik eric erick",
        "denis dennis",
        "rafael raphael rafal raf",
        "gabriel gabe gabi",
        "lenka helena lena",
        "simona simone",
        "alena alina aline",
        "silvia sylvia silvie",
        "dominika dominique domi",
        "aurelia aurelie",
        "bianca bianka",
        "claudiu claudio",
        "cosmin cosmo",
        "elias eli ilie ilija",
        "reuben ruben rubin",
    ]

    /// Folded name → the numbers of the groups it belongs to.
    static let groupsByName: [[UInt8]: [Int32]] = {
        var map: [[UInt8]: [Int32]] = [:]
        for (index, line) in groups.enumerated() {
            for name in line.split(separator: " ") {
                let key = Array(name.utf8)
                if map[key]?.contains(Int32(index)) != true { map[key, default: []].append(Int32(index)) }
            }
        }
        return map
    }()

    /// The group numbers of a folded forename (at most four), packed for the record table.
    static func groupIDs(of name: [UInt8]) -> VariantGroups {
        guard let ids = groupsByName[name] else { return VariantGroups() }
        return VariantGroups(ids.prefix(4))
    }
}

/// Up to four forename-variant group numbers, packed into one word so records stay compact.
struct VariantGroups: Hashable, Sendable {
    /// Four 16-bit slots, each a group number plus one (0 = empty).
    private(set) var packed: UInt64 = 0

    init() {}

    init(_ ids: some Sequence<Int32>) {
        for (slot, id) in ids.prefix(4).enumerated() {
            packed |= UInt64(UInt16(truncatingIfNeeded: id + 1)) << (16 * UInt64(slot))
        }
    }

    /// Whether there is no group.
    var isEmpty: Bool { packed == 0 }

    /// The group numbers.
    var ids: [Int32] {
        (0..<4).compactMap { slot in
            let value = (packed >> (16 * UInt64(slot))) & 0xFFFF
            return value == 0 ? nil : Int32(value - 1)
        }
    }

    /// Whether the two share a group.
    func intersects(_ other: VariantGroups) -> Bool {
        guard packed != 0, other.packed != 0 else { return false }
        for slot in 0..<4 {
            let value = (packed >> (16 * UInt64(slot))) & 0xFFFF
            if value == 0 { break }
            for otherSlot in 0..<4 {
                let otherValue = (other.packed >> (16 * UInt64(otherSlot))) & 0xFFFF
                if otherValue == 0 { break }
                if value == otherValue { return true }
            }
        }
        return false
    }
}
