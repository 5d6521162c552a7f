#!/usr/bin/env python3
"""Writes an independent test borough: children's records for the four datasets in the reference
CSV layout (docs/formats.md), with a truth file, from name lists and noise of its own.

It shares nothing with `childlink sample` (Sources/ChildLinkSample): its own forename and surname
lists with their own frequency shapes, its own households, and its own ways of getting a child's
details wrong, so that the matcher is measured on data it was not tuned to.

Usage: Scripts/other-hands.py --children 3000 --seed 7 --out DIR
Writes DIR/extracts/{missing-episodes,cme-referrals,ehe-records,exclusions}.csv and DIR/truth.csv
(Dataset,RecordID,TrueChildID). Standard library only. Link it with:
    childlink link DIR/extracts --truth DIR/truth.csv --out OUT
"""

import argparse
import csv
import datetime as dt
import os
import random
import unicodedata

# ---------------------------------------------------------------------------------------------
# Names. Weights follow a long-tailed shape (a few very common names, many rare ones), as the ONS
# baby-name tables do; the lists are written here, not taken from the project's generator.

BOYS_UK = """Oliver 90|George 85|Harry 80|Noah 78|Jack 75|Leo 70|Arthur 66|Muhammad 64|Oscar 60|Charlie 58
Jacob 55|Thomas 52|Henry 50|William 48|Alfie 47|Joshua 45|Freddie 44|Archie 43|Ethan 42|Isaac 40
Alexander 38|Joseph 37|Edward 35|Samuel 34|Max 33|Logan 32|Lucas 31|Daniel 30|Theo 29|Mason 28
Riley 27|Jayden 26|Jaden 8|Dylan 25|Harrison 24|Finley 23|Tyler 22|Kai 21|Reuben 20|Louie 19
Callum 18|Kyle 17|Connor 17|Liam 16|Ryan 15|Bradley 14|Jordan 14|Kian 13|Brandon 12|Nathan 12
Lewis 11|Aiden 10|Ayden 4|Zain 10|Zayn 6|Ibrahim 9|Hamza 9|Yusuf 8|Bilal 7|Ali 7|Kacper 7|Jakub 6
Filip 6|Szymon 5|Mateusz 5|Kieran 5|Declan 4|Rhys 4|Owen 4|Cameron 4|Matthew 4|Michael 4|Robert 3
James 30|Benjamin 20|Sebastian 12|Stanley 10|Alfred 6|Frederick 5|Reggie 6|Ronnie 5|Tommy 6""".replace(
    "\n", "|"
)
GIRLS_UK = """Olivia 90|Amelia 86|Isla 80|Ava 76|Mia 72|Ivy 68|Lily 66|Isabella 62|Rosie 58|Sophia 55
Grace 52|Freya 50|Willow 48|Florence 46|Emily 45|Ella 44|Poppy 43|Evie 42|Elsie 40|Charlotte 39
Evelyn 38|Sienna 37|Sofia 36|Daisy 35|Phoebe 34|Sophie 33|Alice 32|Harper 31|Matilda 30|Ruby 29
Emilia 28|Maya 27|Millie 26|Isabelle 25|Eva 24|Chloe 23|Jessica 22|Lilly 10|Lacey 12|Leah 18
Megan 16|Holly 15|Paige 14|Courtney 12|Shannon 11|Chelsea 10|Kayleigh 9|Demi 9|Jade 9|Amber 9
Aisha 9|Maryam 9|Fatima 8|Zara 8|Hafsa 6|Ayesha 6|Zuzanna 6|Julia 6|Natalia 5|Hannah 5|Hanna 3
Katie 7|Caitlin 6|Kaitlyn 3|Abigail 6|Elizabeth 8|Katherine 5|Victoria 5|Eleanor 7|Ellie 12""".replace(
    "\n", "|"
)
BOYS_CEE = """Jozef 20|Ján 18|Marek 15|Peter 14|Tomáš 14|Lukáš 13|Milan 12|Dávid 11|Patrik 10|Roman 10
Štefan 9|Matej 9|Dominik 9|Martin 9|Adam 8|Denis 8|Ladislav 7|Radek 6|Vojtěch 5|Jiří 5|Ondřej 5
Andrei 9|Ionuț 8|Alexandru 8|Mihai 8|Gabriel 7|Florin 6|Ștefan 6|Cristian 6|Bogdan 5|Vasile 4
Krzysztof 6|Piotr 6|Paweł 6|Wojciech 5|Michał 5|Łukasz 5|Bartosz 4|Kamil 4|Oskar 4""".replace("\n", "|")
GIRLS_CEE = """Mária 18|Anna 16|Katarína 14|Nikola 12|Veronika 11|Simona 10|Lucia 10|Petra 9|Denisa 9
Klaudia 8|Natália 8|Zuzana 8|Monika 7|Jana 7|Kristýna 6|Tereza 6|Barbora 5|Eliška 5|Vanesa 6
Ioana 8|Andreea 8|Elena 7|Alexandra 7|Maria 7|Bianca 6|Daria 6|Ștefania 4|Roxana 4|Larisa 4
Katarzyna 7|Agnieszka 6|Małgorzata 5|Zofia 5|Oliwia 5|Wiktoria 5|Aleksandra 5|Magdalena 4""".replace(
    "\n", "|"
)
SURNAMES_UK = """Smith 100|Jones 80|Taylor 70|Brown 65|Williams 60|Wilson 55|Johnson 50|Davies 48|Robinson 45
Wright 44|Thompson 43|Evans 42|Walker 41|White 40|Roberts 39|Green 38|Hall 37|Wood 36|Jackson 35
Clarke 34|Clark 20|Hughes 30|Turner 29|Hill 28|Cooper 27|Ward 26|Harris 25|Lee 25|Moore 24|King 24
Baker 22|Shaw 21|Marshall 18|Atkinson 15|Hudson 14|Fletcher 13|Hewitt 12|Pearson 12|Dyson 11
Sykes 10|Priestley 8|Holroyd 7|Greaves 7|Oxley 6|Staniforth 5|Wragg 5|Hemingway 5|Ackroyd 4
McDonald 10|MacDonald 6|McGuire 5|McKenna 5|Macleod 4|McCarthy 5|O'Brien 8|O'Neill 7|O'Connor 6
O'Sullivan 4|Smith-Jones 3|Taylor-Smith 3|Hall-Thompson 2|Fox-Roberts 2|Ellis Baker 2""".replace("\n", "|")
SURNAMES_SOUTH_ASIAN = """Khan 40|Hussain 38|Ahmed 35|Ali 33|Akhtar 20|Mahmood 15|Iqbal 14|Rafiq 10|Bibi 8
Shah 12|Butt 8|Malik 10|Aslam 7|Saddique 6|Siddique 6|Rashid 6|Nawaz 5|Riaz 5|Javed 5""".replace(
    "\n", "|"
)
# Slovak/Czech Roma surnames: (masculine, feminine) forms.
SURNAMES_CEE = """Horváth/Horváthová 30|Balog/Balogová 25|Lakatoš/Lakatošová 20|Kováč/Kováčová 18
Oláh/Oláhová 16|Gábor/Gáborová 12|Dudy/Dudová 10|Sivák/Siváková 10|Kandráč/Kandráčová 8
Červeňák/Červeňáková 8|Pompa/Pompová 7|Ferko/Ferková 7|Bandy/Bandyová 6|Tokár/Tokárová 6
Mižigar/Mižigarová 5|Rigo/Rigová 5|Dano/Danová 5|Novák/Nováková 5|Dvořák/Dvořáková 4
Kowalski/Kowalska 10|Nowak/Nowak 12|Wiśniewski/Wiśniewska 8|Wójcik/Wójcik 7|Kamiński/Kamińska 6
Lewandowski/Lewandowska 6|Zieliński/Zielińska 5|Popescu/Popescu 10|Ionescu/Ionescu 7
Stan/Stan 6|Dumitru/Dumitru 6|Rădulescu/Rădulescu 4|Munteanu/Munteanu 5|Stoica/Stoica 4
Lăcătuș/Lăcătuș 4|Căldăraru/Căldăraru 3""".replace("\n", "|")

# How other hands shorten or anglicise a name (record noise, not truth).
NICKNAMES = {
    "Alfred": ["Alfie", "Alf"], "Alfie": ["Alfred"], "Frederick": ["Freddie", "Fred"], "Freddie": ["Frederick"],
    "Thomas": ["Tom", "Tommy"], "Tommy": ["Thomas"], "William": ["Will", "Billy"], "Joseph": ["Joe", "Joey"],
    "Jozef": ["Joe", "Josef", "Joseph"], "Ján": ["John", "Jan"], "Katarína": ["Katka", "Katie", "Katarina"],
    "Katarzyna": ["Kasia", "Kate"], "Małgorzata": ["Gosia", "Margaret"], "Alexander": ["Alex", "Sasha"],
    "Alexandra": ["Alex", "Lexi"], "Aleksandra": ["Ola", "Alex"], "Elizabeth": ["Beth", "Lizzie", "Libby"],
    "Benjamin": ["Ben"], "Samuel": ["Sam"], "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"],
    "Michael": ["Mike", "Michal"], "Michał": ["Michael"], "Edward": ["Ed", "Eddie", "Teddy"],
    "Stanley": ["Stan"], "Reggie": ["Reginald"], "Ronnie": ["Ronald"], "Isabella": ["Bella", "Izzy"],
    "Isabelle": ["Izzy"], "Victoria": ["Vicky", "Tori"], "Abigail": ["Abbie", "Abi"], "Eleanor": ["Ellie", "Nell"],
    "Katherine": ["Kate", "Katie"], "Jessica": ["Jess"], "Sophia": ["Sophie"], "Florence": ["Flo"],
    "Matilda": ["Tilly"], "Charlotte": ["Lottie", "Charlie"], "Štefan": ["Stefan", "Steven"], "Ștefan": ["Stefan"],
    "Tomáš": ["Tomas", "Tom"], "Lukáš": ["Lukas", "Luke"], "Peter": ["Pete"], "Piotr": ["Peter"],
    "Paweł": ["Pawel", "Paul"], "Krzysztof": ["Chris"], "Mária": ["Maria", "Mary"], "Zuzana": ["Susan", "Zuzka"],
    "Wojciech": ["Wojtek"], "Nikola": ["Nicola"], "Natália": ["Natalie"], "Muhammad": ["Mohammed", "Mohammad"],
    "Zofia": ["Sophie"], "Jakub": ["Kuba", "Jacob"], "Jacob": ["Jake"], "Oliver": ["Ollie"], "Olivia": ["Liv"],
    "Amelia": ["Millie", "Amy"], "Emilia": ["Emily", "Millie"], "Harrison": ["Harry"], "Henry": ["Harry"],
    "Nathan": ["Nate"], "Joshua": ["Josh"], "Callum": ["Calum"], "Connor": ["Conor"],
    "Theo": ["Theodore"], "Max": ["Maxwell"], "Robert": ["Rob", "Bobby"], "Cristian": ["Christian"],
    "Alexandru": ["Alex"], "Ionuț": ["Ionut", "Ion"], "Andrei": ["Andrew"],
}

# Twins and triplets get names that go together, some of them alike.
TWIN_NAME_SETS = [
    ("Jayden", "Jaden"), ("Lily", "Lilly"), ("Ava", "Eva"), ("Zain", "Zayn"), ("Aiden", "Ayden"),
    ("Hannah", "Hanna"), ("Caitlin", "Kaitlyn"), ("Harry", "Harvey"), ("Ella", "Ellie"), ("Mia", "Maya"),
    ("Noah", "Jonah"), ("Lewis", "Louis"), ("Rosie", "Ruby"), ("Oliver", "Olivia"), ("Freddie", "Frankie"),
    ("Marek", "Matej"), ("Nikola", "Nikolas"), ("Denis", "Daniel"), ("Leo", "Theo"),
    ("Alfie", "Archie"), ("Evie", "Ivy"), ("Amelia", "Emilia"), ("Isla", "Ella"), ("Jack", "Jake"),
]
TRIPLET_NAME_SETS = [
    ("Lily", "Lilly", "Lola"), ("Jayden", "Jaden", "Jordan"), ("Ava", "Eva", "Ivy"), ("Harry", "Harvey", "Henry"),
]

LA_CODES = [370, 371, 372, 373, 380, 383]  # Barnsley, Doncaster, Rotherham, Sheffield, Bradford, Leeds
STREETS = [
    "Station Road", "Church Street", "Victoria Road", "Park Lane", "Mill Lane", "Queens Road", "Sheffield Road",
    "Wath Road", "Manor Farm Close", "Canklow Road", "Eastwood View", "Ferham Road", "Clough Road",
    "Herringthorpe Valley Road", "Kimberworth Road", "Psalter Lane", "Abbeydale Road", "Page Hall Road",
    "Firth Park Road", "Owlerton Green", "Lodge Lane", "Darnall Road", "Staniforth Road", "Main Street",
]
DISTRICTS = ["S60", "S61", "S62", "S63", "S65", "S66", "S2", "S4", "S5", "S9", "DN1", "DN4", "S70", "S71"]
UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def weighted(spec):
    names, weights = [], []
    for item in spec.split("|"):
        item = item.strip()
        if not item:
            continue
        name, weight = item.rsplit(" ", 1)
        names.append(name)
        weights.append(float(weight))
    return names, weights


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.boys_uk = weighted(BOYS_UK)
        self.girls_uk = weighted(GIRLS_UK)
        self.boys_cee = weighted(BOYS_CEE)
        self.girls_cee = weighted(GIRLS_CEE)
        self.surnames_uk = weighted(SURNAMES_UK)
        self.surnames_sa = weighted(SURNAMES_SOUTH_ASIAN)
        self.surnames_cee = weighted(SURNAMES_CEE)

    def pick(self, table):
        return self.rng.choices(table[0], table[1])[0]

    def family(self):
        """A family's origin and surname (masculine, feminine forms)."""
        roll = self.rng.random()
        if roll < 0.62:
            name = self.pick(self.surnames_uk)
            return "uk", (name, name)
        if roll < 0.80:
            name = self.pick(self.surnames_sa)
            return "sa", (name, name)
        masculine, feminine = self.pick(self.surnames_cee).split("/")
        return "cee", (masculine, feminine)

    def forename(self, origin, sex):
        if origin == "cee" and self.rng.random() < 0.8:
            return self.pick(self.boys_cee if sex == "M" else self.girls_cee)
        if origin == "sa" and self.rng.random() < 0.5:
            boys = ["Muhammad", "Ibrahim", "Hamza", "Yusuf", "Bilal", "Ali", "Zain", "Ayaan", "Rayyan", "Haris"]
            girls = ["Aisha", "Maryam", "Fatima", "Zara", "Hafsa", "Ayesha", "Amina", "Khadija", "Inaaya", "Zainab"]
            return self.rng.choice(boys if sex == "M" else girls)
        return self.pick(self.boys_uk if sex == "M" else self.girls_uk)


# ---------------------------------------------------------------------------------------------
# Identifiers, written with valid check characters (docs/formats.md; statutory.md section 5).


def upn_check_letter(body):
    total = 0
    for offset, char in enumerate(body):
        weight = offset + 2
        value = int(char) if char.isdigit() else UPN_ALPHABET.index(char)
        total += value * weight
    return UPN_ALPHABET[total % 23]


def make_upn(rng, birth_year, temporary=False):
    la = rng.choice(LA_CODES)
    establishment = rng.randint(2000, 7999)
    year = (birth_year + 5) % 100
    if temporary:
        body = f"{la:03d}{establishment:04d}{year:02d}{rng.randint(0, 99):02d}{rng.choice(UPN_ALPHABET)}"
    else:
        body = f"{la:03d}{establishment:04d}{year:02d}{rng.randint(0, 999):03d}"
    return upn_check_letter(body) + body


def make_nhs(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        digits[0] = rng.choice([4, 6, 7])
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def make_address(rng):
    district = rng.choice(DISTRICTS)
    postcode = f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    line = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
    if rng.random() < 0.12:
        line = f"Flat {rng.randint(1, 30)}, {line}"
    return postcode, line


# ---------------------------------------------------------------------------------------------
# The population: households of siblings, twins and triplets, and namesakes.


class Child:
    __slots__ = ("id", "forename", "middle", "surname", "dob", "sex", "origin", "upn", "temp_upn", "nhs",
                 "address", "lcs_id", "edu_id", "edu_dup_id", "former_surname")

    def __init__(self, **kw):
        self.former_surname = None
        self.edu_dup_id = None
        for key, value in kw.items():
            setattr(self, key, value)


def random_dob(rng, start_year=2003, end_year=2016):
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def build_population(rng, count):
    names = Names(rng)
    children = []
    next_id = [1]

    def new_child(forename, surname_pair, dob, sex, origin, address):
        surname = surname_pair[1] if sex == "F" else surname_pair[0]
        middle = None
        if rng.random() < (0.45 if origin == "uk" else 0.2):
            middle = names.forename(origin, sex)
            if middle == forename:
                middle = None
        child_id = next_id[0]
        next_id[0] += 1
        upn_roll = rng.random()
        child = Child(
            id=child_id, forename=forename, middle=middle, surname=surname, dob=dob, sex=sex, origin=origin,
            upn=make_upn(rng, dob.year) if upn_roll < 0.82 else None,
            temp_upn=make_upn(rng, dob.year, temporary=True) if upn_roll >= 0.82 and upn_roll < 0.9 else None,
            nhs=make_nhs(rng) if rng.random() < 0.55 else None,
            address=address, lcs_id=str(1_400_000 + child_id * 7 + rng.randint(0, 6)),
            edu_id=f"E{700000 + child_id}",
        )
        if rng.random() < 0.03:  # registered twice in the education system
            child.edu_dup_id = f"E{900000 + child_id}"
        if rng.random() < 0.04:
            child.former_surname = names.family()[1][0]
        children.append(child)
        return child

    while len(children) < count:
        origin, surname_pair = names.family()
        address = make_address(rng)
        roll = rng.random()
        if roll < 0.035:  # twins
            dob = random_dob(rng)
            pair = list(rng.choice(TWIN_NAME_SETS))
            for name in pair:
                sex = "F" if name in GIRLS_UK or name.endswith("a") or name in ("Lily", "Lilly", "Ivy", "Evie", "Ava",
                                                                                   "Eva", "Isla", "Ellie", "Rosie", "Ruby",
                                                                                   "Hannah", "Hanna", "Caitlin", "Kaitlyn",
                                                                                   "Mia", "Maya", "Ella", "Olivia",
                                                                                   "Sofia", "Sophia", "Emilia", "Amelia") else "M"
                new_child(name, surname_pair, dob, sex, origin, address)
            continue
        if roll < 0.04:  # triplets
            dob = random_dob(rng)
            for name in rng.choice(TRIPLET_NAME_SETS):
                sex = "F" if name in ("Lily", "Lilly", "Lola", "Ava", "Eva", "Ivy") else "M"
                new_child(name, surname_pair, dob, sex, origin, address)
            continue
        if roll < 0.06:  # twins with unrelated names from the list
            dob = random_dob(rng)
            first = None
            for _ in range(2):
                sex = rng.choice("MF")
                name = names.forename(origin, sex)
                while name == first:  # parents do not give twins the same forename
                    name = names.forename(origin, sex)
                first = name
                new_child(name, surname_pair, dob, sex, origin, address)
            continue
        size = rng.choices([1, 2, 3, 4, 5], [40, 30, 18, 8, 4])[0]
        base = random_dob(rng)
        for k in range(size):
            sex = rng.choice("MF")
            # Siblings close in age: 10 to 30 months apart, some as close as 10-12 months.
            dob = base + dt.timedelta(days=k * rng.randint(300, 900))
            if dob.year > 2017:
                break
            new_child(names.forename(origin, sex), surname_pair, dob, sex, origin, address)

    # Namesakes: different children in different households with the same common name and date of birth.
    common = [c for c in children if c.origin == "uk"]
    for original in rng.sample(common, max(1, len(children) // 400)):
        twin_address = make_address(rng)
        child = new_child(original.forename, (original.surname, original.surname), original.dob, original.sex,
                          original.origin, twin_address)
        child.middle = None if rng.random() < 0.7 else child.middle
    return children


# ---------------------------------------------------------------------------------------------
# Noise: how other teams type a child's details.


def strip_diacritics(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").replace(
        "ł", "l").replace("Ł", "L")


def typo(rng, text):
    if len(text) < 3:
        return text
    kind = rng.randrange(4)
    pos = rng.randrange(1, len(text))
    letters = "abcdefghijklmnopqrstuvwxyz"
    if kind == 0:  # substitution
        return text[:pos] + rng.choice(letters) + text[pos + 1:]
    if kind == 1:  # deletion
        return text[:pos] + text[pos + 1:]
    if kind == 2:  # insertion (doubled letter)
        return text[:pos] + text[pos - 1] + text[pos:]
    if pos < len(text) - 1:  # transposition
        return text[:pos] + text[pos + 1] + text[pos] + text[pos + 2:]
    return text


def surname_variant(rng, surname, sex, origin):
    """Ways a surname is written differently by another team."""
    options = []
    if surname != strip_diacritics(surname):
        options += ["plain"] * 4
    if surname.endswith("ová"):
        options.append("masculine")
    if "-" in surname or " " in surname:
        options += ["part", "joined"]
    if surname.startswith("Mc") or surname.startswith("Mac"):
        options.append("mac")
    if surname.startswith("O'"):
        options.append("apostrophe")
    options += ["typo", "upper"]
    choice = rng.choice(options)
    if choice == "plain":
        return strip_diacritics(surname)
    if choice == "masculine":
        return surname[: -len("ová")]
    if choice == "part":
        return rng.choice(surname.replace("-", " ").split(" "))
    if choice == "joined":
        return surname.replace("-", " ") if "-" in surname else surname.replace(" ", "-")
    if choice == "mac":
        if surname.startswith("Mc"):
            return rng.choice(["Mc " + surname[2:], "Mac" + surname[2:], surname[:2] + surname[2:].lower()])
        return rng.choice(["Mc" + surname[3:], surname[:3] + surname[3:].lower()])
    if choice == "apostrophe":
        return rng.choice(["O" + surname[2:], "O " + surname[2:], "O`" + surname[2:]])
    if choice == "upper":
        return surname.upper()
    return typo(rng, surname)


def forename_variant(rng, child):
    options = ["typo"]
    if child.forename in NICKNAMES:
        options += ["nickname"] * 3
    if child.forename != strip_diacritics(child.forename):
        options += ["plain"] * 3
    if child.middle:
        options += ["middle"]
    options.append("initial")
    choice = rng.choice(options)
    if choice == "nickname":
        return rng.choice(NICKNAMES[child.forename]), child.middle
    if choice == "plain":
        return strip_diacritics(child.forename), child.middle
    if choice == "middle":  # known by the middle name: first and middle swapped
        return child.middle, child.forename
    if choice == "initial":
        return child.forename[0], child.middle
    return typo(rng, child.forename), child.middle


def write_date(rng, date, dob_noise):
    if dob_noise == "transposed" and date.day <= 12 and date.day != date.month:
        date = dt.date(date.year, date.day, date.month)
    elif dob_noise == "year":
        try:
            date = date.replace(year=date.year + rng.choice([-1, 1]))
        except ValueError:
            pass
    elif dob_noise == "day":
        date = date + dt.timedelta(days=rng.choice([-1, 1, 10, -10]))
    return date.strftime("%Y-%m-%d") if rng.random() < 0.15 else date.strftime("%d/%m/%Y")


class View:
    """How one system holds a child: its own typing, kept for every record it has on the child."""

    def __init__(self, rng, child, system, noise):
        self.child = child
        forename, middle, surname = child.forename, child.middle, child.surname
        if rng.random() < noise:
            forename, middle = forename_variant(rng, child)
        if rng.random() < noise:
            surname = surname_variant(rng, surname, child.sex, child.origin)
        if child.origin == "cee" and rng.random() < 0.5:
            forename, surname = strip_diacritics(forename), strip_diacritics(surname)
        self.swapped = rng.random() < noise * 0.15
        if self.swapped:
            forename, surname = surname, forename
        self.forename, self.middle, self.surname = forename, middle if rng.random() < 0.6 else None, surname
        roll = rng.random()
        self.dob_noise = None
        if roll < noise * 0.2:
            self.dob_noise = "transposed"
        elif roll < noise * 0.3:
            self.dob_noise = "year"
        elif roll < noise * 0.45:
            self.dob_noise = "day"
        self.address = child.address
        if rng.random() < 0.25:  # moved since another team last saw the child
            self.address = make_address(rng)
        self.has_postcode = rng.random() > 0.08
        self.upn = None
        if system == "edu":
            self.upn = child.upn if child.upn and rng.random() < 0.92 else child.temp_upn
            self.person_id = child.edu_dup_id if child.edu_dup_id and rng.random() < 0.5 else child.edu_id
        else:
            self.upn = child.upn if child.upn and rng.random() < 0.45 else None
            self.person_id = child.lcs_id
        self.nhs = child.nhs if child.nhs and rng.random() < (0.8 if system == "lcs" else 0.25) else None
        self.gender = {"M": rng.choice(["Male", "M", "1"]), "F": rng.choice(["Female", "F", "2"])}[child.sex]


def person_columns(rng, view, noise):
    forename, surname = view.forename, view.surname
    if rng.random() < noise * 0.15:  # a fresh slip on this one record
        forename = typo(rng, forename)
    nhs = view.nhs
    if nhs and rng.random() < 0.4:
        nhs = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    postcode, line = view.address
    if not view.has_postcode:
        postcode = ""
    elif rng.random() < 0.2:
        postcode = postcode.replace(" ", "")
    return {
        "PersonID": view.person_id, "UPN": view.upn or "", "FormerUPN": "", "NHSNumber": nhs or "",
        "Forename": forename, "MiddleNames": view.middle or "", "Surname": surname, "PreferredName": "",
        "FormerSurname": view.child.former_surname or "" if rng.random() < 0.5 else "",
        "DateOfBirth": write_date(rng, view.child.dob, view.dob_noise), "Gender": view.gender,
        "Ethnicity": {"uk": "WBRI", "sa": "APKN", "cee": rng.choice(["WROM", "WOTH"])}[view.child.origin],
        "Postcode": postcode, "AddressLine1": line, "Town": "Rotherham",
    }


PERSON = ["PersonID", "UPN", "FormerUPN", "NHSNumber", "Forename", "MiddleNames", "Surname", "PreferredName",
          "FormerSurname", "DateOfBirth", "Gender", "Ethnicity", "Postcode", "AddressLine1", "Town"]
LAYOUTS = {
    "Missing": ("missing-episodes.csv", PERSON + ["EpisodeID", "EpisodeType", "StartDateTime", "EndDateTime",
                                                  "SocialCareStatus", "CSERisk", "CCERisk", "RHIOffered",
                                                  "RHIAccepted", "RHICompletedDate"]),
    "CME": ("cme-referrals.csv", PERSON + ["ReferralID", "ReferralDate", "FamilyID", "PreviousEpisodes",
                                           "PresentingNeed", "Phase", "YearGroup", "ClosedDate", "ClosureOutcome"]),
    "EHE": ("ehe-records.csv", PERSON + ["EHEID", "StartDate", "Reason", "YearGroup", "EndDate", "EndReason"]),
    "Exclusions": ("exclusions.csv", PERSON + ["ExclusionID", "SchoolURN", "SchoolName", "Phase", "Category",
                                               "StartDate", "Sessions", "Reason1"]),
}


def event_columns(rng, dataset, number, child):
    day = dt.date(2018, 4, 1) + dt.timedelta(days=rng.randint(0, 360))
    text = day.strftime("%d/%m/%Y")
    if dataset == "Missing":
        start = dt.datetime(day.year, day.month, day.day, rng.randint(0, 23), rng.randint(0, 59))
        end = start + dt.timedelta(hours=rng.randint(1, 120))
        return {"EpisodeID": f"MIS{number:07d}", "EpisodeType": rng.choice(["Missing", "Missing", "Absent"]),
                "StartDateTime": start.strftime("%d/%m/%Y %H:%M"), "EndDateTime": end.strftime("%d/%m/%Y %H:%M"),
                "SocialCareStatus": rng.choice(["NAC", "CIN", "LAC", "CPP", "EH"]), "CSERisk": "Low",
                "CCERisk": "None", "RHIOffered": "Yes", "RHIAccepted": rng.choice(["Yes", "No"]),
                "RHICompletedDate": (end + dt.timedelta(days=rng.randint(1, 6))).strftime("%d/%m/%Y")}
    if dataset == "CME":
        return {"ReferralID": f"CMR{number:06d}", "ReferralDate": text, "FamilyID": f"F{child.address[0][-3:]}",
                "PreviousEpisodes": "0", "PresentingNeed": "NO ADDITIONAL NEEDS NOTED", "Phase": "Primary",
                "YearGroup": "", "ClosedDate": "", "ClosureOutcome": ""}
    if dataset == "EHE":
        return {"EHEID": f"HE{number:06d}", "StartDate": text, "Reason": "Philosophical", "YearGroup": "",
                "EndDate": "", "EndReason": ""}
    return {"ExclusionID": f"XS{number:07d}", "SchoolURN": str(rng.randint(100000, 149999)),
            "SchoolName": "Academy", "Phase": "Secondary", "Category": rng.choice(["SUSP", "SUSP", "PERM"]),
            "StartDate": text, "Sessions": str(rng.randint(1, 10)), "Reason1": rng.choice(["PP", "VA", "DB"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--noise", type=float, default=0.3, help="chance a system types a name differently")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    children = build_population(rng, args.children)
    extracts = os.path.join(args.out, "extracts")
    os.makedirs(extracts, exist_ok=True)
    rows = {name: [] for name in LAYOUTS}
    truth = []
    counters = {name: 0 for name in LAYOUTS}
    for child in children:
        datasets = [name for name, chance in
                    (("Missing", 0.35), ("CME", 0.3), ("EHE", 0.15), ("Exclusions", 0.5)) if rng.random() < chance]
        if not datasets:
            datasets = [rng.choice(list(LAYOUTS))]
        views = {"lcs": View(rng, child, "lcs", args.noise), "edu": View(rng, child, "edu", args.noise)}
        for dataset in datasets:
            system = "lcs" if dataset == "Missing" else "edu"
            # Another team in the same system sometimes retypes the child (a new referral).
            view = views[system] if rng.random() < 0.7 else View(rng, child, system, args.noise)
            for _ in range(rng.choices([1, 2, 3, 4, 6], [55, 22, 12, 7, 4])[0]):
                counters[dataset] += 1
                row = person_columns(rng, view, args.noise)
                event = event_columns(rng, dataset, counters[dataset], child)
                row.update(event)
                rows[dataset].append(row)
                truth.append((dataset, next(iter(event.values())), child.id))
    for dataset, (file_name, header) in LAYOUTS.items():
        with open(os.path.join(extracts, file_name), "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows[dataset])
    with open(os.path.join(args.out, "truth.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Dataset", "RecordID", "TrueChildID"])
        writer.writerows(truth)
    print(f"{len(children)} children, {len(truth)} records written to {args.out}")


if __name__ == "__main__":
    main()
