import ChildLinkModel
import Testing

@testable import ChildLinkMatching

@Suite("Forename variant table")
struct ForenameVariantTableTests {
    @Test func builtInFileHoldsTheGroupsTheSwiftTableHeld() {
        // The groups the Swift table held, in its order (so group numbers stay as they were), then
        // the groups added since.
        let previous = (Self.previousGroups + Self.addedGroups).map { $0.split(separator: " ").map(String.init) }
        #expect(ForenameVariantList.builtInForenameVariants.groups == previous)
    }

    @Test func builtInTableGivesTheGroupNumbersTheSwiftTableGave() {
        for (index, line) in Self.previousGroups.enumerated() {
            for name in line.split(separator: " ") {
                let ids = ForenameVariantTable.builtIn.groupIDs(of: Array(name.utf8)).ids
                #expect(ids.contains(Int32(index)) || ids.count == 4)
            }
        }
        #expect(ForenameVariantTable.builtIn.groupIDs(of: Array("alex".utf8)).ids == [0, 1])
    }

    @Test func councilGroupMakesTwoNamesVariants() throws {
        let added = try ForenameVariantList(parsing: "zbigniew zbyszek  # Polish short form\n", path: "extra.txt")
        let table = ForenameVariantTable(ForenameVariantList.builtInForenameVariants.appending(added))
        let full = Array("zbigniew".utf8)
        let short = Array("zbyszek".utf8)
        #expect(
            !ForenameVariantTable.builtIn.groupIDs(of: full).intersects(
                ForenameVariantTable.builtIn.groupIDs(of: short)))
        #expect(table.groupIDs(of: full).intersects(table.groupIDs(of: short)))
        #expect(table.groupIDs(of: Array("alex".utf8)) == ForenameVariantTable.builtIn.groupIDs(of: Array("alex".utf8)))
    }

    @Test("A council's group written full form first: an initial of the full form agrees with a short form")
    func councilGroupFullFormInitial() throws {
        let added = try ForenameVariantList(parsing: "wilhelmina mina minnie\n", path: "extra.txt")
        let variants = ForenameVariantTable(ForenameVariantList.builtInForenameVariants.appending(added))
        let records = ["W", "Mina"].enumerated().map { index, forename in
            Make.record("W\(index)", forename: forename, surname: "Nowak", dob: "2010-03-04")
        }
        let levels = [ForenameVariantTable.builtIn, variants].map { table in
            PairComparer(table: RecordTable(records, variants: table)).compare(0, 1).forename
        }
        #expect(levels == [.different, .initial])
        // The full form's initial, no other letter.
        let mina = variants.groupIDs(of: Array("mina".utf8))
        #expect(variants.isFormalInitial(UInt8(ascii: "w"), of: mina))
        #expect(!variants.isFormalInitial(UInt8(ascii: "n"), of: mina))
    }

    @Test func councilGroupRaisesTheForenameLevelWhenLinking() throws {
        let added = try ForenameVariantList(parsing: "zbigniew zbyszek\n", path: "extra.txt")
        var options = LinkOptions()
        options.forenameVariants = ForenameVariantTable(ForenameVariantList.builtInForenameVariants.appending(added))
        let records = ["Zbigniew", "Zbyszek"].enumerated().map { index, forename in
            Make.record("A\(index)", forename: forename, surname: "Nowak", dob: "2010-03-04")
        }
        let builtIn = RecordTable(records)
        let extended = RecordTable(records, variants: options.forenameVariants)
        #expect(!builtIn.forenameGroups[0].intersects(builtIn.forenameGroups[1]))
        #expect(extended.forenameGroups[0].intersects(extended.forenameGroups[1]))
    }

    @Test(arguments: [
        ("alex alexander\nSasha alexandra\n", 2, "name 1 is not folded"),
        ("# comment\n\nalex\n", 3, "at least two names"),
        ("alex alexander\nzdeněk zdenek\n", 2, "name 1 is not folded"),
    ])
    func badFileNamesTheFileAndLine(text: String, line: Int, problem: String) {
        #expect {
            try ForenameVariantList(parsing: text, path: "council/nicknames.txt")
        } throws: { error in
            guard let error = error as? ReferenceTableError else { return false }
            return error.path == "council/nicknames.txt" && error.line == line
                && String(describing: error).hasPrefix("council/nicknames.txt:\(line): ")
                && error.message.contains(problem)
        }
    }

    /// The table as it was written in Swift before it became a resource file.
    static let previousGroups: [String] = [
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

    /// Groups added after the table became a file: short forms given to boys and girls (#18).
    static let addedGroups = [
        "jamie jaimie jaime jamey", "antonia antonina antonie tonia toni", "joanna joanne joan johanna jo",
        "josephine josefina jozefina josie jo", "georgia georgina georgiana georgie gina",
        "alistair alasdair alastair ali", "patricia patrycja patrizia trisha tricia pat",
        "teresa theresa tereza terezia terri terry tess tessa", "stephanie stefanie stefania steph stevie",
        "roberta robertina bobbie robbie",
        "maximilian maksymilian maxmilian maxim maksim maximus max maks maxie maxwell",
        "rose rosie rosa roza rosalie rosemary rosalind rosy", "tobias tobiasz toby tobi",
    ]
}
