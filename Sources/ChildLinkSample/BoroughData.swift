/// Fixed reference data for the synthetic Rotherham-like borough: postcode districts, streets,
/// localities, schools and the code lists the extracts use. Everything here is invented but
/// shaped like the real thing; no real person or address is described.
enum BoroughData {
    /// A postcode district of the borough with its postal town and Early Help localities.
    struct District: Sendable {
        let outward: String
        let town: String
        let localities: [String]
        /// Relative share of the borough's households.
        let weight: Double
        /// Relative weight for families who arrived recently from Eastern Europe.
        let arrivalWeight: Double
    }

    /// The borough's districts (LA 372).
    static let districts: [District] = [
        District(
            outward: "S60", town: "Rotherham",
            localities: ["Central - Clifton", "Central - Oakwood/Town Centre"], weight: 14, arrivalWeight: 30),
        District(
            outward: "S61", town: "Rotherham", localities: ["Central - Wingfield", "Central - Winterhill"],
            weight: 12, arrivalWeight: 6),
        District(
            outward: "S62", town: "Rotherham", localities: ["North - Dalton/Thrybergh/Rawmarsh"], weight: 9,
            arrivalWeight: 3),
        District(
            outward: "S63", town: "Rotherham", localities: ["North - Wath/Swinton"], weight: 11, arrivalWeight: 3),
        District(
            outward: "S64", town: "Mexborough", localities: ["North - Wath/Swinton"], weight: 6, arrivalWeight: 2),
        District(
            outward: "S65", town: "Rotherham",
            localities: ["Central - Clifton", "North - Dalton/Thrybergh/Rawmarsh", "Central - Oakwood/Town Centre"],
            weight: 13, arrivalWeight: 45),
        District(
            outward: "S66", town: "Rotherham", localities: ["South - Maltby/Wickersley"], weight: 13,
            arrivalWeight: 4),
        District(
            outward: "S25", town: "Sheffield", localities: ["South - Wales/Dinnington"], weight: 7, arrivalWeight: 2),
        District(
            outward: "S26", town: "Sheffield", localities: ["South - Aston/Brinsworth", "South - Wales/Dinnington"],
            weight: 8, arrivalWeight: 1),
        District(
            outward: "S35", town: "Sheffield", localities: ["North - Wath/Swinton"], weight: 3, arrivalWeight: 0.5),
        District(
            outward: "S81", town: "Worksop", localities: ["South - Wales/Dinnington"], weight: 4, arrivalWeight: 0.5),
    ]

    /// The locality for a child whose address is outside the borough or not recorded.
    static let outsideLocality = "No Locality Registered/Outside Area"

    /// Letters allowed in the last two places of an inward code (no C, I, K, M, O, V).
    static let inwardLetters: [Character] = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// Street names for address lines.
    static let streets: [String] = [
        "Doncaster Road", "Wellgate", "Fitzwilliam Road", "Eldon Road", "Ferham Road", "Psalter Lane",
        "Herringthorpe Valley Road", "Kimberworth Road", "Meadowbank Road", "Broom Road", "Clifton Lane",
        "Gerard Road", "Milton Road", "Godstone Road", "Badsley Moor Lane", "Wath Road", "Barnsley Road",
        "Station Road", "Church Street", "High Street", "Park Road", "Victoria Street", "Queen Street",
        "Main Street", "School Lane", "Manor Road", "Greasbrough Road", "Rawmarsh Hill", "Green Lane",
        "Kilnhurst Road", "Bawtry Road", "Morthen Road", "Rotherway", "Thrybergh Lane", "Braithwell Road",
        "Grange Lane", "Laughton Road", "Dinnington Road", "Worksop Road", "Rother Crescent", "Sheffield Road",
        "Mortimer Road", "Blyth Road", "Tickhill Road", "Sandygate", "Brinsworth Lane", "Aughton Road",
        "Kiveton Lane", "Wales Road", "Swinton Road", "Bolton Road", "Mexborough Road", "Newhill Road",
        "Saint Ann's Road", "Cranworth Road", "Eastwood Lane", "Chesterton Road", "Erskine Road",
        "Belgrave Road", "Winterhill Lane", "Wingfield Road", "Munsbrough Lane", "Thorpe Street",
        "Ryecroft Road", "Far Lane", "Oakwood Road", "Moorgate Road", "Middle Lane", "Cross Street",
    ]

    /// A school: DfE establishment number (for UPNs), URN and name.
    struct School: Sendable {
        let establishment: Int
        let urn: String
        let name: String
        let phase: String
    }

    /// Primary schools.
    static let primarySchools: [School] = [
        School(establishment: 2003, urn: "106912", name: "Ferham Primary School", phase: "Primary"),
        School(establishment: 2011, urn: "106921", name: "Eastwood Village Primary School", phase: "Primary"),
        School(establishment: 2014, urn: "138720", name: "Thornhill Primary School", phase: "Primary"),
        School(establishment: 2019, urn: "106930", name: "Coleridge Primary School", phase: "Primary"),
        School(establishment: 2025, urn: "140512", name: "Badsley Primary School", phase: "Primary"),
        School(establishment: 2031, urn: "106944", name: "Kimberworth Community Primary School", phase: "Primary"),
        School(establishment: 2036, urn: "139877", name: "Rawmarsh Ashwood Primary School", phase: "Primary"),
        School(establishment: 2042, urn: "106953", name: "Sandhill Primary School", phase: "Primary"),
        School(establishment: 2047, urn: "141203", name: "Wath Central Primary School", phase: "Primary"),
        School(establishment: 2055, urn: "106967", name: "Swinton Fitzwilliam Primary School", phase: "Primary"),
        School(establishment: 2061, urn: "137990", name: "Maltby Manor Academy", phase: "Primary"),
        School(establishment: 2068, urn: "106978", name: "Dinnington Community Primary School", phase: "Primary"),
        School(establishment: 2074, urn: "106985", name: "Aston Fence Junior and Infant School", phase: "Primary"),
        School(establishment: 2079, urn: "142316", name: "Brinsworth Manor Junior School", phase: "Primary"),
        School(establishment: 2083, urn: "106990", name: "Herringthorpe Junior School", phase: "Primary"),
        School(establishment: 3302, urn: "106999", name: "St Ann's Junior and Infant School", phase: "Primary"),
        School(establishment: 2088, urn: "140845", name: "Thrybergh Fullerton C of E Primary", phase: "Primary"),
        School(establishment: 2093, urn: "107004", name: "East Dene Primary School", phase: "Primary"),
        School(establishment: 2097, urn: "139211", name: "Broom Valley Community School", phase: "Primary"),
        School(establishment: 2102, urn: "107013", name: "Meadow View Primary School", phase: "Primary"),
        School(establishment: 2106, urn: "107020", name: "Wickersley Northfield Primary", phase: "Primary"),
        School(establishment: 2111, urn: "143006", name: "Maltby Lilly Hall Academy", phase: "Primary"),
    ]

    /// Secondary schools, special schools and the pupil referral unit.
    static let secondarySchools: [School] = [
        School(establishment: 4003, urn: "137456", name: "Clifton Community School", phase: "Secondary"),
        School(establishment: 4007, urn: "136991", name: "Oakwood High School", phase: "Secondary"),
        School(establishment: 4011, urn: "138112", name: "Wath Academy", phase: "Secondary"),
        School(establishment: 4014, urn: "137325", name: "Wickersley School and Sports College", phase: "Secondary"),
        School(establishment: 4018, urn: "136771", name: "Maltby Academy", phase: "Secondary"),
        School(establishment: 4022, urn: "140110", name: "Dinnington High School", phase: "Secondary"),
        School(establishment: 4026, urn: "138653", name: "Swinton Academy", phase: "Secondary"),
        School(establishment: 4030, urn: "106957", name: "Rawmarsh Community School", phase: "Secondary"),
        School(establishment: 4034, urn: "139340", name: "Thrybergh Academy", phase: "Secondary"),
        School(establishment: 4038, urn: "137981", name: "Winterhill School", phase: "Secondary"),
        School(establishment: 4042, urn: "138770", name: "Wingfield Academy", phase: "Secondary"),
        School(establishment: 4046, urn: "136612", name: "Brinsworth Academy", phase: "Secondary"),
        School(establishment: 4050, urn: "137094", name: "Aston Academy", phase: "Secondary"),
        School(establishment: 4054, urn: "137512", name: "Wales High School", phase: "Secondary"),
        School(establishment: 4603, urn: "106972", name: "St Bernard's Catholic High School", phase: "Secondary"),
        School(establishment: 4607, urn: "106975", name: "Saint Pius X Catholic High School", phase: "Secondary"),
        School(establishment: 7005, urn: "106981", name: "Kelford School", phase: "Special"),
        School(establishment: 7009, urn: "139601", name: "Newman School", phase: "Special"),
    ]

    /// The pupil referral unit, where permanently excluded pupils go.
    static let referralUnit = School(
        establishment: 1102, urn: "134915", name: "Rotherham Aspire PRU", phase: "AP")

    /// Who reported a child missing.
    static let reportedBy = [
        "Parent", "Mother", "Father", "Carer", "Foster carer", "Residential home staff", "Grandparent",
        "School", "Police", "Aunt", "Sibling", "Social worker",
    ]

    /// Where a child was found (some with commas, as free text has).
    static let foundLocations = [
        "Returned of own accord", "Found by police", "Friend's address", "Relative's address",
        "Town centre", "Friend's address, Rawmarsh", "Found in Sheffield", "Not known", "Returned by carer",
        "Boyfriend's address", "Girlfriend's address", "Park, Clifton", "Bus station", "Meadowhall",
        "Found by family", "Parent's address (placement elsewhere)", "Hospital",
    ]

    /// CME presenting needs with weights like the seed scorecard's.
    static let presentingNeeds: [(String, Double)] = [
        ("NO ADDITIONAL NEEDS NOTED", 343), ("PARENTING", 84), ("NEGLECT", 72), ("FAMILY RELATIONSHIPS", 24),
        ("VULNERABILITY TO CSE", 19), ("WORK AND MONEY", 16), ("PHYSICAL HEALTH", 5), ("LEARNING NEEDS", 4),
        ("EXPLOITATION", 4), ("MENTAL HEALTH", 3), ("NAS", 3), ("SOCIAL ISOLATION", 3), ("HOUSING CONDITIONS", 2),
        ("RUNAWAYS", 2), ("HOMELESSNESS", 1),
    ]

    /// CME closure outcomes with weights like the seed scorecard's.
    static let closureOutcomes: [(String, Double)] = [
        ("OTHER LA ACCEPTED RESPONSIBILITY", 210), ("ENQUIRIES EXHAUSTED", 117), ("VERIFIED LEFT UK", 91),
        ("GAINED PLACE AT AN ALTERNATIVE SCHOOL IN ROTHERHAM", 87), ("FOUND - TRANSFERRED TO A&T TRACKING", 86),
        ("FOUND - IN SCHOOL IN OTHER LA", 73), ("FOUND - EHE", 11), ("FOUND - ALTERNATIVE PROVISION", 1),
    ]

    /// Reasons parents give for elective home education.
    static let eheReasons = [
        "Philosophical or preferential reasons", "Dissatisfaction with school", "Bullying", "Health reasons",
        "Child's anxiety or mental health", "Avoiding exclusion", "Special educational needs",
        "Religious or cultural beliefs", "Did not get preferred school", "Not given",
    ]

    /// Why EHE ended.
    static let eheEndReasons = [
        "Returned to school", "Returned to school", "Returned to school", "Referred to CME", "Moved out of area",
        "Reached end of compulsory school age",
    ]

    /// DfE exclusion reason codes with rough national weights.
    static let exclusionReasons: [(String, Double)] = [
        ("DB", 35), ("PA", 6), ("PP", 14), ("VA", 9), ("VP", 8), ("OW", 12), ("DA", 4), ("DM", 3),
        ("TH", 1.5), ("BU", 1.5), ("RA", 1), ("SM", 1),
    ]
}
